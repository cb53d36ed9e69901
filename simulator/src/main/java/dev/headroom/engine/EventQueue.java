package dev.headroom.engine;

import java.util.Arrays;

/**
 * Pending events ordered by time and then by insertion sequence, so that ties run first-in,
 * first-out. An event is a time in milliseconds, an event kind and a subject (for example a
 * user index), kept in primitive arrays: nothing is allocated per event once the arrays have
 * grown to the queue's working size.
 *
 * <p>Design: a two-tier ladder queue (W. T. Tang, R. S. M. Goh and I. L.-J. Thng, "Ladder Queue",
 * ACM TOMACS 15(3), 2005, https://doi.org/10.1145/1103323.1103324) in three parts. The
 * <em>bottom</em> is a sorted run of the earliest events, read in order. The <em>middle</em> cuts
 * a window of time, the year, into buckets of a power-of-two width, each an unsorted list in
 * insertion order. The <em>top</em> is an unsorted list of the events after the year. An addition
 * appends to its bucket or to the top, or, when it falls within the bottom's time range, is placed
 * into the sorted bottom. When the bottom runs out, the next non-empty bucket becomes the bottom:
 * one stable counting pass on the highest 8 bits of each time's offset in the bucket, then an
 * insertion sort that finds little left to move. When the year runs out, a new year is laid over
 * the top's events. So the common addition and removal compare no times at all, and each event is
 * sorted once, in a small bucket.
 *
 * <p>A new year reaches {@value #YEAR_SPANS} times the median distance of the top's events from
 * the earliest one, and its width lets about {@value #BUCKET_TARGET} events pass through each
 * bucket (fewer in a small queue). If placing into the bottom or carrying events from year to
 * year grows costly, every pending event is laid out again on a fresh year. Events may only be
 * added at or after the time of the last removed event.
 *
 * <p>Not thread-safe: one simulation owns one queue.
 */
public final class EventQueue {

    private static final int BUCKET_TARGET = 128;
    private static final int INITIAL_BUCKET_CAPACITY = 16;
    private static final int MAX_BUCKETS = 1 << 16;
    private static final int MIN_RATE_SAMPLE = 64;
    private static final int YEAR_SPANS = 8;
    private static final int INSERTION_SORT_MAX = 32;
    private static final int DIGIT_BITS = 8;
    private static final int COST_WINDOW = 8192;
    private static final int MAX_MEAN_COST = 8;

    /** The bottom's events, time at {@code 2i} and payload at {@code 2i + 1}, sorted. */
    private long[] bottom;
    private int bottomNext;
    private int bottomCount;
    /** Every pending event before this time is in the bottom. */
    private long bottomEnd = Long.MIN_VALUE;

    /**
     * Each bucket's events in insertion order, time at {@code 2i} and payload at {@code 2i + 1}.
     * The last entry, at {@link #topBucket}, is the top.
     */
    private long[][] bucketEvents;
    private int[] bucketSizes = new int[1];
    /** Number of buckets in the year, and so the index of the top. */
    private int topBucket;
    private int widthShift;
    private long yearStart;
    /** The next bucket to become the bottom; buckets before it are empty. */
    private int nextBucket;
    /** The top's previous array, kept empty to take the next year's top. */
    private long[] spareTop = new long[2 * INITIAL_BUCKET_CAPACITY];

    private final int[] digitCounts = new int[1 << DIGIT_BITS];

    private int size;
    private int removals;
    private int yearStartRemovals;
    private long lastRemovedTime = Long.MIN_VALUE;
    private long cost;

    /** The last removed event's kind and subject; its time is {@link #lastRemovedTime}. */
    private long polledPayload;

    /** Creates an empty queue with room for about {@code initialCapacity} events. */
    public EventQueue(int initialCapacity) {
        int capacity = Math.max(BUCKET_TARGET, initialCapacity);
        bucketEvents = new long[][] {new long[2 * capacity]};
        bottom = new long[4 * BUCKET_TARGET];
    }

    /**
     * Adds an event at simulated time {@code time} (milliseconds).
     *
     * @throws IllegalArgumentException if {@code time} is before the last removed event's time
     */
    public void add(long time, int kind, int subject) {
        if (time < lastRemovedTime) {
            throw new IllegalArgumentException("event time " + time
                    + " ms is before the last removed event at " + lastRemovedTime + " ms");
        }
        long payload = (long) kind << 32 | (subject & 0xFFFF_FFFFL);
        if (time >= bottomEnd) {
            appendBucket(bucketOf(time), time, payload);
        } else {
            insertBottom(time, payload);
        }
        size++;
    }

    /**
     * Removes the earliest event; read it with {@link #polledTime()}, {@link #polledKind()} and
     * {@link #polledSubject()}.
     *
     * @throws IllegalStateException if the queue is empty
     */
    public void poll() {
        if (size == 0) {
            throw new IllegalStateException("poll on an empty event queue");
        }
        fillBottom();
        removeFirst();
    }

    /** Takes the bottom's first event, which {@link #fillBottom()} has made available. */
    private void removeFirst() {
        int next = bottomNext;
        lastRemovedTime = bottom[2 * next];
        polledPayload = bottom[2 * next + 1];
        bottomNext = next + 1;
        size--;
        if ((++removals & (COST_WINDOW - 1)) == 0) {
            relayIfSlow();
        }
    }

    /**
     * Removes the earliest event if its time is before {@code endTime}, as {@link #poll()} does.
     *
     * @return whether an event was removed
     */
    public boolean pollBefore(long endTime) {
        if (peekTime() >= endTime) {
            return false;
        }
        removeFirst();
        return true;
    }

    /** Returns the time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long peekTime() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        fillBottom();
        return bottom[2 * bottomNext];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public long polledTime() {
        return lastRemovedTime;
    }

    public int polledKind() {
        return (int) (polledPayload >>> 32);
    }

    public int polledSubject() {
        return (int) polledPayload;
    }

    /**
     * Returns the bucket of a time at or after the bottom's end: the year's bucket that contains
     * it, or the top for a time after the year. A minimum, not a branch, picks the top.
     */
    private int bucketOf(long time) {
        return (int) Math.min((time - yearStart) >>> widthShift, topBucket);
    }

    private void appendBucket(int bucket, long time, long payload) {
        int count = bucketSizes[bucket];
        long[] events = bucketEvents[bucket];
        if (2 * count == events.length) {
            events = Arrays.copyOf(events, 4 * count);
            bucketEvents[bucket] = events;
        }
        events[2 * count] = time;
        events[2 * count + 1] = payload;
        bucketSizes[bucket] = count + 1;
    }

    /** Places an event into the sorted bottom after every event with the same or earlier time. */
    private void insertBottom(long time, long payload) {
        int low = bottomNext;
        int high = bottomCount;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (bottom[2 * middle] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low == bottomNext && bottomNext > 0) {
            bottomNext--;
            bottom[2 * bottomNext] = time;
            bottom[2 * bottomNext + 1] = payload;
            return;
        }
        if (2 * bottomCount == bottom.length) {
            bottom = Arrays.copyOf(bottom, 4 * bottomCount);
        }
        System.arraycopy(bottom, 2 * low, bottom, 2 * low + 2, 2 * (bottomCount - low));
        bottom[2 * low] = time;
        bottom[2 * low + 1] = payload;
        bottomCount++;
        cost += bottomCount - low;
    }

    /**
     * Makes the next non-empty bucket the bottom once the bottom is used up, laying a new year
     * first if no bucket is left. The queue must not be empty.
     */
    private void fillBottom() {
        if (bottomNext < bottomCount) {
            return;
        }
        while (true) {
            while (nextBucket < topBucket) {
                int bucket = nextBucket++;
                bottomEnd = yearStart + ((long) (bucket + 1) << widthShift);
                if (bucketSizes[bucket] > 0) {
                    sortIntoBottom(bucket);
                    return;
                }
            }
            layYear();
        }
    }

    /** Sorts a bucket's events by time, keeping insertion order for ties, into the bottom. */
    private void sortIntoBottom(int bucket) {
        int count = bucketSizes[bucket];
        bucketSizes[bucket] = 0;
        if (bottom.length < 2 * count) {
            bottom = new long[4 * count];
        }
        long[] events = bucketEvents[bucket];
        if (count > INSERTION_SORT_MAX) {
            long start = yearStart + ((long) bucket << widthShift);
            distributeByTopDigit(events, count, start, Math.max(0, widthShift - DIGIT_BITS));
        } else {
            System.arraycopy(events, 0, bottom, 0, 2 * count);
        }
        bottomNext = 0;
        bottomCount = count;
        insertionSort(count);
        cost += count / BUCKET_TARGET;
    }

    private void insertionSort(int count) {
        for (int i = 1; i < count; i++) {
            long time = bottom[2 * i];
            if (bottom[2 * i - 2] <= time) {
                continue;
            }
            long payload = bottom[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && bottom[2 * j] > time) {
                bottom[2 * j + 2] = bottom[2 * j];
                bottom[2 * j + 3] = bottom[2 * j + 1];
                j--;
            }
            bottom[2 * j + 2] = time;
            bottom[2 * j + 3] = payload;
        }
    }

    /**
     * Copies a bucket's events into the bottom ordered by the 8-bit digit at {@code shift} of
     * each time's offset from {@code start}, keeping insertion order within a digit.
     */
    private void distributeByTopDigit(long[] events, int count, long start, int shift) {
        int[] counts = digitCounts;
        Arrays.fill(counts, 0);
        int mask = counts.length - 1;
        for (int i = 0; i < count; i++) {
            counts[(int) ((events[2 * i] - start) >>> shift) & mask]++;
        }
        int position = 0;
        for (int digit = 0; digit < counts.length; digit++) {
            int digitCount = counts[digit];
            counts[digit] = position;
            position += digitCount;
        }
        for (int i = 0; i < count; i++) {
            long time = events[2 * i];
            int at = counts[(int) ((time - start) >>> shift) & mask]++;
            bottom[2 * at] = time;
            bottom[2 * at + 1] = events[2 * i + 1];
        }
    }

    /** Lays a new year over the top's events and moves in those it covers, in top order. */
    private void layYear() {
        long[] top = bucketEvents[topBucket];
        int count = bucketSizes[topBucket];
        bucketEvents[topBucket] = spareTop;
        bucketSizes[topBucket] = 0;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            earliest = Math.min(earliest, top[2 * i]);
        }
        chooseYear(earliest, top, count);
        for (int i = 0; i < count; i++) {
            long time = top[2 * i];
            appendBucket(bucketOf(time), time, top[2 * i + 1]);
        }
        cost += bucketSizes[topBucket];
        spareTop = top;
        bottomEnd = yearStart;
        nextBucket = 0;
    }

    /**
     * Sets the year's start, width and bucket count. The year reaches {@value #YEAR_SPANS} times
     * the median distance of the top's events from the earliest one, estimated from an evenly
     * spaced sample. The width lets about {@value #BUCKET_TARGET} events pass through each bucket
     * at the removal rate seen since the last year began. Before a year has run, the top's
     * density is used as that rate.
     */
    private void chooseYear(long earliest, long[] top, int count) {
        int samples = Math.min(count, 255);
        long[] sample = new long[samples];
        for (int i = 0; i < samples; i++) {
            sample[i] = top[2 * (int) ((long) i * count / samples)];
        }
        Arrays.sort(sample);
        long span = Math.max(1, sample[samples / 2] - earliest);
        long elapsed = lastRemovedTime - yearStart;
        int yearRemovals = removals - yearStartRemovals;
        double millisPerEvent = yearRemovals >= MIN_RATE_SAMPLE && elapsed > 0
                ? (double) elapsed / yearRemovals
                : 2.0 * span / count;
        int perBucket = Math.max(4, Math.min(BUCKET_TARGET, size / 16));
        long yearLength = span > Long.MAX_VALUE / YEAR_SPANS ? Long.MAX_VALUE : YEAR_SPANS * span;
        long width = (long) Math.max(1, Math.min(yearLength, perBucket * millisPerEvent));
        widthShift = 64 - Long.numberOfLeadingZeros(width - 1);
        long buckets = Math.max(1, Math.min(MAX_BUCKETS, (yearLength >> widthShift) + 1));
        int bucketCount = Integer.highestOneBit((int) buckets);
        yearStart = earliest >> widthShift << widthShift;
        yearStartRemovals = removals;
        if (topBucket != bucketCount) {
            resizeYear(bucketCount);
        }
    }

    /** Lays out every pending event again on a fresh year if recent operations cost too much. */
    private void relayIfSlow() {
        if (cost > (long) MAX_MEAN_COST * COST_WINDOW) {
            moveEverythingToTop();
        }
        cost = 0;
    }

    /** Gives the year {@code bucketCount} empty buckets and keeps the (empty) top after them. */
    private void resizeYear(int bucketCount) {
        long[] top = bucketEvents[topBucket];
        int topSize = bucketSizes[topBucket];
        bucketSizes = new int[bucketCount + 1];
        bucketEvents = new long[bucketCount + 1][];
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            bucketEvents[bucket] = new long[2 * INITIAL_BUCKET_CAPACITY];
        }
        bucketEvents[bucketCount] = top;
        bucketSizes[bucketCount] = topSize;
        topBucket = bucketCount;
    }

    /**
     * Moves the bottom and the buckets back to the top, ahead of the top's own events, which are
     * all later, and leaves a year of no buckets, so the next removal lays a new one.
     */
    private void moveEverythingToTop() {
        long[] all = new long[2 * Math.max(1, size)];
        int at = 0;
        for (int i = bottomNext; i < bottomCount; i++) {
            all[at++] = bottom[2 * i];
            all[at++] = bottom[2 * i + 1];
        }
        for (int bucket = nextBucket; bucket < topBucket; bucket++) {
            System.arraycopy(bucketEvents[bucket], 0, all, at, 2 * bucketSizes[bucket]);
            at += 2 * bucketSizes[bucket];
            bucketSizes[bucket] = 0;
        }
        System.arraycopy(bucketEvents[topBucket], 0, all, at, 2 * bucketSizes[topBucket]);
        bucketSizes[topBucket] = 0;
        resizeYear(0);
        bucketEvents[0] = all;
        bucketSizes[0] = size;
        bottomNext = 0;
        bottomCount = 0;
        bottomEnd = Long.MIN_VALUE;
        nextBucket = 0;
    }
}
