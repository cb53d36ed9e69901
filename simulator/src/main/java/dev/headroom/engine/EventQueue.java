package dev.headroom.engine;

import java.util.Arrays;

/**
 * Pending events in a binary min-heap of parallel primitive arrays, ordered by time and then by
 * insertion sequence, so that ties run first-in, first-out. An event is a time, an event kind and
 * a subject (for example a user index); nothing is allocated per event.
 *
 * <p>Not thread-safe: one simulation owns one queue.
 */
public final class EventQueue {

    private long[] times;
    private long[] sequences;
    private int[] kinds;
    private int[] subjects;
    private int size;
    private long nextSequence;

    private long polledTime;
    private int polledKind;
    private int polledSubject;

    /** Creates an empty queue with room for {@code initialCapacity} events before it grows. */
    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        sequences = new long[capacity];
        kinds = new int[capacity];
        subjects = new int[capacity];
    }

    /** Adds an event at simulated time {@code time} (milliseconds). */
    public void add(long time, int kind, int subject) {
        if (size == times.length) {
            grow();
        }
        long sequence = nextSequence++;
        int child = size++;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!before(time, sequence, parent)) {
                break;
            }
            moveTo(child, parent);
            child = parent;
        }
        set(child, time, sequence, kind, subject);
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
        polledTime = times[0];
        polledKind = kinds[0];
        polledSubject = subjects[0];
        size--;
        if (size > 0) {
            siftDownLast();
        }
    }

    /** Returns the time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
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

    private void siftDownLast() {
        long time = times[size];
        long sequence = sequences[size];
        int kind = kinds[size];
        int subject = subjects[size];
        int parent = 0;
        int half = size >>> 1;
        while (parent < half) {
            int child = 2 * parent + 1;
            int right = child + 1;
            if (right < size && before(times[right], sequences[right], child)) {
                child = right;
            }
            if (!earlier(times[child], sequences[child], time, sequence)) {
                break;
            }
            moveTo(parent, child);
            parent = child;
        }
        set(parent, time, sequence, kind, subject);
    }

    private boolean before(long time, long sequence, int index) {
        return earlier(time, sequence, times[index], sequences[index]);
    }

    private static boolean earlier(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    private void moveTo(int target, int source) {
        set(target, times[source], sequences[source], kinds[source], subjects[source]);
    }

    private void set(int index, long time, long sequence, int kind, int subject) {
        times[index] = time;
        sequences[index] = sequence;
        kinds[index] = kind;
        subjects[index] = subject;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        subjects = Arrays.copyOf(subjects, capacity);
    }
}
