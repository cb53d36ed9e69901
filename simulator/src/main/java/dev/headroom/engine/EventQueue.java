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

    private long[] bottomTimes;
    private long[] bottomPayloads;
    private int bottomNext;
    private int bottomCount;
    /** Every pending event before this time is in the bottom. */
    private long bottomEnd = Long.MIN_VALUE;

    /** Each bucket's events in insertion order: time at {@code 2i}, payload at {@code 2i + 1}. */
    private long[][] bucketEvents = new long[0][];
    private int[] bucketSizes = new int[0];
    private int widthShift;
    private long yearStart;
    private long yearEnd = Long.MIN_VALUE;
    /** The next bucket to become the bottom; buckets before it are empty. */
    private int nextBucket;

    private long[] topTimes;
    private long[] topPayloads;
    private int topCount;

    private long[] sortTimes;
    private long[] sortPayloads;
    private final int[] digitCounts = new int[1 << DIGIT_BITS];

    private int size;
    private int yearRemovals;
    private long lastRemovedTime = Long.MIN_VALUE;
    private int operations;
    private long cost;

    private long polledTime;
    private int polledKind;
    private int polledSubject;

    /** Creates an empty queue with room for about {@code initialCapacity} events. */
    public EventQueue(int initialCapacity) {
        int capacity = Math.max(BUCKET_TARGET, initialCapacity);
        topTimes = new long[capacity];
        topPayloads = new long[capacity];
        bottomTimes = new long[2 * BUCKET_TARGET];
        bottomPayloads = new long[2 * BUCKET_TARGET];
        sortTimes = new long[2 * BUCKET_TARGET];
        sortPayloads = new long[2 * BUCKET_TARGET];
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
        if (time >= yearEnd) {
            appendTop(time, payload);
        } else if (time >= bottomEnd) {
            appendBucket((int) ((time - yearStart) >>> widthShift), time, payload);
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
        if (bottomNext == bottomCount) {
            refillBottom();
        }
        long time = bottomTimes[bottomNext];
        long payload = bottomPayloads[bottomNext++];
        size--;
        yearRemovals++;
        lastRemovedTime = time;
        polledTime = time;
        polledKind = (int) (payload >>> 32);
        polledSubject = (int) payload;
        if (++operations == COST_WINDOW) {
            relayIfSlow();
        }
    }

    /** Returns the time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long peekTime() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        if (bottomNext == bottomCount) {
            refillBottom();
        }
        return bottomTimes[bottomNext];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public long polledTime() {
        return polledTime;
    }

    public int polledKind() {
        return polledKind;
    }

    public int polledSubject() {
        return polledSubject;
    }

    private void appendTop(long time, long payload) {
        if (topCount == topTimes.length) {
            topTimes = Arrays.copyOf(topTimes, 2 * topCount);
            topPayloads = Arrays.copyOf(topPayloads, 2 * topCount);
        }
        topTimes[topCount] = time;
        topPayloads[topCount++] = payload;
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
            if (bottomTimes[middle] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low == bottomNext && bottomNext > 0) {
            bottomNext--;
            bottomTimes[bottomNext] = time;
            bottomPayloads[bottomNext] = payload;
            return;
        }
        if (bottomCount == bottomTimes.length) {
            bottomTimes = Arrays.copyOf(bottomTimes, 2 * bottomCount);
            bottomPayloads = Arrays.copyOf(bottomPayloads, 2 * bottomCount);
        }
        System.arraycopy(bottomTimes, low, bottomTimes, low + 1, bottomCount - low);
        System.arraycopy(bottomPayloads, low, bottomPayloads, low + 1, bottomCount - low);
        bottomTimes[low] = time;
        bottomPayloads[low] = payload;
        bottomCount++;
        cost += bottomCount - low;
    }

    /** Makes the next non-empty bucket the bottom, laying a new year first if none is left. */
    private void refillBottom() {
        while (true) {
            while (nextBucket < bucketSizes.length) {
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
        if (bottomTimes.length < count) {
            bottomTimes = new long[2 * count];
            bottomPayloads = new long[2 * count];
        }
        if (sortTimes.length < count) {
            sortTimes = new long[2 * count];
            sortPayloads = new long[2 * count];
        }
        long[] events = bucketEvents[bucket];
        for (int i = 0; i < count; i++) {
            bottomTimes[i] = events[2 * i];
            bottomPayloads[i] = events[2 * i + 1];
        }
        bottomNext = 0;
        bottomCount = count;
        if (count > INSERTION_SORT_MAX) {
            long start = yearStart + ((long) bucket << widthShift);
            radixPass(count, start, Math.max(0, widthShift - DIGIT_BITS));
        }
        insertionSort(count);
        cost += count / BUCKET_TARGET;
    }

    private void insertionSort(int count) {
        for (int i = 1; i < count; i++) {
            long time = bottomTimes[i];
            long payload = bottomPayloads[i];
            int j = i - 1;
            while (j >= 0 && bottomTimes[j] > time) {
                bottomTimes[j + 1] = bottomTimes[j];
                bottomPayloads[j + 1] = bottomPayloads[j];
                j--;
            }
            bottomTimes[j + 1] = time;
            bottomPayloads[j + 1] = payload;
        }
    }

    /** Reorders the bottom stably by the 8-bit digit at {@code shift} of each offset. */
    private void radixPass(int count, long start, int shift) {
        int[] counts = digitCounts;
        Arrays.fill(counts, 0);
        int mask = counts.length - 1;
        for (int i = 0; i < count; i++) {
            counts[(int) ((bottomTimes[i] - start) >>> shift) & mask]++;
        }
        int position = 0;
        for (int digit = 0; digit < counts.length; digit++) {
            int digitCount = counts[digit];
            counts[digit] = position;
            position += digitCount;
        }
        for (int i = 0; i < count; i++) {
            int at = counts[(int) ((bottomTimes[i] - start) >>> shift) & mask]++;
            sortTimes[at] = bottomTimes[i];
            sortPayloads[at] = bottomPayloads[i];
        }
        long[] times = bottomTimes;
        bottomTimes = sortTimes;
        sortTimes = times;
        long[] payloads = bottomPayloads;
        bottomPayloads = sortPayloads;
        sortPayloads = payloads;
    }

    /** Lays a new year over the top's events and moves in those it covers, in top order. */
    private void layYear() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < topCount; i++) {
            earliest = Math.min(earliest, topTimes[i]);
        }
        chooseYear(earliest);
        int kept = 0;
        for (int i = 0; i < topCount; i++) {
            long time = topTimes[i];
            if (time < yearEnd) {
                appendBucket((int) ((time - yearStart) >>> widthShift), time, topPayloads[i]);
            } else {
                topTimes[kept] = time;
                topPayloads[kept++] = topPayloads[i];
            }
        }
        cost += kept;
        topCount = kept;
        bottomEnd = yearStart;
        nextBucket = 0;
    }

    /**
     * Sets the year's start, width and bucket count. The year reaches {@value #YEAR_SPANS} times
     * the median distance of the top's events from the earliest one, estimated from an evenly
     * spaced sample. The width lets about {@value #BUCKET_TARGET} events pass through each bucket
     * at the removal rate seen since the last year began. Before a year has run, the top's
     * density stands in for that rate.
     */
    private void chooseYear(long earliest) {
        int samples = Math.min(topCount, 255);
        long[] sample = new long[samples];
        for (int i = 0; i < samples; i++) {
            sample[i] = topTimes[(int) ((long) i * topCount / samples)];
        }
        Arrays.sort(sample);
        long span = Math.max(1, sample[samples / 2] - earliest);
        long elapsed = lastRemovedTime - yearStart;
        double millisPerEvent = yearRemovals >= MIN_RATE_SAMPLE && elapsed > 0
                ? (double) elapsed / yearRemovals
                : 2.0 * span / topCount;
        int perBucket = Math.max(4, Math.min(BUCKET_TARGET, size / 16));
        long width = (long) Math.max(1, Math.min(YEAR_SPANS * span, perBucket * millisPerEvent));
        widthShift = 64 - Long.numberOfLeadingZeros(width - 1);
        long buckets = Math.max(1, Math.min(MAX_BUCKETS, (YEAR_SPANS * span >> widthShift) + 1));
        int bucketCount = Integer.highestOneBit((int) buckets);
        yearStart = earliest >> widthShift << widthShift;
        yearEnd = yearStart + ((long) bucketCount << widthShift);
        if (yearEnd < yearStart) {
            yearEnd = Long.MAX_VALUE;
        }
        yearRemovals = 0;
        if (bucketSizes.length != bucketCount) {
            bucketSizes = new int[bucketCount];
            bucketEvents = new long[bucketCount][];
            for (int bucket = 0; bucket < bucketCount; bucket++) {
                bucketEvents[bucket] = new long[2 * INITIAL_BUCKET_CAPACITY];
            }
        }
    }

    /** Lays out every pending event again on a fresh year if recent operations cost too much. */
    private void relayIfSlow() {
        if (cost > (long) MAX_MEAN_COST * operations) {
            moveEverythingToTop();
        }
        operations = 0;
        cost = 0;
    }

    /** Moves the bottom and the buckets back to the top, keeping queue order for equal times. */
    private void moveEverythingToTop() {
        long[] times = new long[topCount];
        long[] payloads = new long[topCount];
        System.arraycopy(topTimes, 0, times, 0, topCount);
        System.arraycopy(topPayloads, 0, payloads, 0, topCount);
        int farCount = topCount;
        topCount = 0;
        for (int i = bottomNext; i < bottomCount; i++) {
            appendTop(bottomTimes[i], bottomPayloads[i]);
        }
        for (int bucket = nextBucket; bucket < bucketSizes.length; bucket++) {
            long[] events = bucketEvents[bucket];
            for (int i = 0; i < bucketSizes[bucket]; i++) {
                appendTop(events[2 * i], events[2 * i + 1]);
            }
            bucketSizes[bucket] = 0;
        }
        for (int i = 0; i < farCount; i++) {
            appendTop(times[i], payloads[i]);
        }
        bottomNext = 0;
        bottomCount = 0;
        bottomEnd = Long.MIN_VALUE;
        yearEnd = Long.MIN_VALUE;
        nextBucket = bucketSizes.length;
    }
}
