package dev.headroom.engine;

import java.util.Arrays;

/**
 * Pending events in a calendar queue, ordered by time and then by insertion sequence, so that
 * ties run first-in, first-out. An event is a time in milliseconds, an event kind and a subject
 * (for example a user index), kept in primitive arrays: nothing is allocated per event.
 *
 * <p>Design (R. Brown, "Calendar queues", CACM 31(10), 1988): the time axis is cut into buckets
 * of a power-of-two width, laid around a ring like the days of a year. An event goes to bucket
 * {@code (time >> widthShift) & mask}, in a list sorted by time and sequence. Removal scans the
 * ring from the bucket of the last removed event and takes the first head that falls in the
 * current year. A full turn that finds none falls back to a direct search. The ring doubles or
 * halves with the queue's size, and the width is re-estimated from the spacing of the earliest
 * events whenever the ring is rebuilt or scans grow long, so both operations take constant time
 * on average. Events may only be added at or after the time of the last removed event.
 *
 * <p>Not thread-safe: one simulation owns one queue.
 */
public final class EventQueue {

    private static final int NIL = -1;
    private static final int MIN_BUCKETS = 16;
    private static final int COST_WINDOW = 4096;
    private static final int MAX_MEAN_COST = 6;

    /** Node {@code n}'s time at {@code 2n} and the index of its successor at {@code 2n + 1}. */
    private long[] links;
    /** Node {@code n}'s kind in the high 32 bits and its subject in the low 32 bits. */
    private long[] payloads;
    private int freeList = NIL;
    private int allocated;
    private int size;

    private int[] heads;
    /** Time of each bucket's head node, or {@link Long#MAX_VALUE} for an empty bucket. */
    private long[] headTimes;
    private int mask;
    private int widthShift;
    private int currentBucket;
    private long bucketTop;
    private long lastRemovedTime = Long.MIN_VALUE;

    private int peekedNode = NIL;
    private int peekedBucket;
    private int operations;
    private long cost;

    private long polledTime;
    private int polledKind;
    private int polledSubject;

    /** Creates an empty queue with room for {@code initialCapacity} events before it grows. */
    public EventQueue(int initialCapacity) {
        int capacity = Math.max(MIN_BUCKETS, initialCapacity);
        links = new long[2 * capacity];
        payloads = new long[capacity];
        widthShift = 10;
        resetRing(MIN_BUCKETS, 0);
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
        int node = allocate();
        links[2 * node] = time;
        payloads[node] = (long) kind << 32 | (subject & 0xFFFF_FFFFL);
        link(node);
        size++;
        peekedNode = NIL;
        if (size > 2 * heads.length) {
            rebuild(heads.length * 2);
        }
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
        if (peekedNode == NIL) {
            findEarliest();
        }
        int node = peekedNode;
        int bucket = peekedBucket;
        peekedNode = NIL;
        long time = time(node);
        int successor = next(node);
        heads[bucket] = successor;
        headTimes[bucket] = successor == NIL ? Long.MAX_VALUE : time(successor);
        currentBucket = bucket;
        bucketTop = ((time >> widthShift) + 1) << widthShift;
        lastRemovedTime = time;
        polledTime = time;
        polledKind = (int) (payloads[node] >>> 32);
        polledSubject = (int) payloads[node];
        release(node);
        size--;
        if (size < heads.length / 2 && heads.length > MIN_BUCKETS) {
            rebuild(heads.length / 2);
        } else if (++operations == COST_WINDOW) {
            recalibrateIfSlow();
        }
    }

    /** Returns the time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long peekTime() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        if (peekedNode == NIL) {
            findEarliest();
        }
        return time(peekedNode);
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

    /** Sets the peeked node and bucket without changing the ring's committed position. */
    private void findEarliest() {
        int bucket = currentBucket;
        long top = bucketTop;
        for (int step = 0; step < heads.length; step++) {
            if (headTimes[bucket] < top) {
                cost += step;
                peekedNode = heads[bucket];
                peekedBucket = bucket;
                return;
            }
            bucket = (bucket + 1) & mask;
            top += 1L << widthShift;
        }
        cost += heads.length;
        directSearch();
    }

    private void directSearch() {
        peekedNode = NIL;
        long earliest = Long.MAX_VALUE;
        for (int bucket = 0; bucket < heads.length; bucket++) {
            if (heads[bucket] != NIL && (peekedNode == NIL || headTimes[bucket] < earliest)) {
                earliest = headTimes[bucket];
                peekedNode = heads[bucket];
                peekedBucket = bucket;
            }
        }
    }

    /**
     * Inserts a node into its bucket after every node with the same or an earlier time. Nodes
     * are linked in the order they were added (and re-linked in list order by a rebuild), so
     * equal times keep first-in, first-out order without storing a sequence number.
     */
    private void link(int node) {
        long time = time(node);
        int bucket = (int) (time >> widthShift) & mask;
        if (time < headTimes[bucket]) {
            setNext(node, heads[bucket]);
            heads[bucket] = node;
            headTimes[bucket] = time;
            return;
        }
        int previous = heads[bucket];
        int current = next(previous);
        cost++;
        while (current != NIL && time(current) <= time) {
            previous = current;
            current = next(current);
            cost++;
        }
        setNext(node, current);
        setNext(previous, node);
    }

    private long time(int node) {
        return links[2 * node];
    }

    private int next(int node) {
        return (int) links[2 * node + 1];
    }

    private void setNext(int node, int successor) {
        links[2 * node + 1] = successor;
    }

    private void recalibrateIfSlow() {
        if (cost > (long) MAX_MEAN_COST * operations) {
            rebuild(heads.length);
        }
        operations = 0;
        cost = 0;
    }

    /** Re-lays every pending event on a ring of {@code bucketCount} buckets of a new width. */
    private void rebuild(int bucketCount) {
        int[] nodes = pendingNodes();
        widthShift = estimateWidthShift(nodes);
        long start = lastRemovedTime == Long.MIN_VALUE ? 0 : lastRemovedTime;
        resetRing(bucketCount, start);
        for (int node : nodes) {
            link(node);
        }
        peekedNode = NIL;
        operations = 0;
        cost = 0;
    }

    private void resetRing(int bucketCount, long start) {
        heads = new int[bucketCount];
        Arrays.fill(heads, NIL);
        headTimes = new long[bucketCount];
        Arrays.fill(headTimes, Long.MAX_VALUE);
        mask = bucketCount - 1;
        currentBucket = (int) (start >> widthShift) & mask;
        bucketTop = ((start >> widthShift) + 1) << widthShift;
    }

    /** Returns every pending node, each bucket's nodes in list order. */
    private int[] pendingNodes() {
        int[] nodes = new int[size];
        int count = 0;
        for (int head : heads) {
            for (int node = head; node != NIL; node = next(node)) {
                nodes[count++] = node;
            }
        }
        return nodes;
    }

    /** Returns a width of about three times the mean gap between the earliest 256 events. */
    private int estimateWidthShift(int[] nodes) {
        if (nodes.length < 2) {
            return widthShift;
        }
        long[] sample = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            sample[i] = time(nodes[i]);
        }
        Arrays.sort(sample);
        int count = Math.min(sample.length, 256);
        long span = sample[count - 1] - sample[0];
        long width = Math.max(1, 3 * span / (count - 1));
        return 63 - Long.numberOfLeadingZeros(width);
    }

    private int allocate() {
        if (freeList != NIL) {
            int node = freeList;
            freeList = next(node);
            return node;
        }
        if (allocated == payloads.length) {
            grow();
        }
        return allocated++;
    }

    private void release(int node) {
        setNext(node, freeList);
        freeList = node;
    }

    private void grow() {
        int capacity = payloads.length * 2;
        links = Arrays.copyOf(links, 2 * capacity);
        payloads = Arrays.copyOf(payloads, capacity);
    }
}
