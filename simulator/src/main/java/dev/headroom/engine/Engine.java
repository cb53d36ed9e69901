package dev.headroom.engine;

/**
 * The simulation loop: a virtual clock and an {@link EventQueue}. {@link #run} takes events in
 * time order and hands each to the handler until the queue is empty or the end time is reached.
 *
 * <p>Not thread-safe: a run happens on one thread.
 */
public final class Engine {

    private final EventQueue queue;
    private long now;
    private long eventsProcessed;
    private boolean stopRequested;

    public Engine(int initialQueueCapacity) {
        this.queue = new EventQueue(initialQueueCapacity);
    }

    /** Returns the current simulated time in milliseconds since the run started. */
    public long now() {
        return now;
    }

    /** Returns the number of events handled so far. */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Returns the number of events waiting in the queue. */
    public int pendingEvents() {
        return queue.size();
    }

    /**
     * Schedules an event at absolute simulated time {@code time}.
     *
     * @throws IllegalArgumentException if {@code time} is before {@link #now()}
     */
    public void scheduleAt(long time, int kind, int subject) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule an event at " + time
                    + " ms, before the current time " + now + " ms");
        }
        queue.add(time, kind, subject);
    }

    /** Schedules an event {@code delay} milliseconds after {@link #now()}. */
    public void scheduleAfter(long delay, int kind, int subject) {
        scheduleAt(now + delay, kind, subject);
    }

    /** Makes {@link #run} return after the event being handled. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Runs events with a time before {@code endTime} and leaves later ones in the queue. The
     * clock ends at {@code endTime} unless {@link #stop()} was called.
     */
    public void run(long endTime, EventHandler handler) {
        stopRequested = false;
        while (!stopRequested && queue.pollBefore(endTime)) {
            now = queue.polledTime();
            eventsProcessed++;
            handler.handle(this, queue.polledKind(), queue.polledSubject());
        }
        if (!stopRequested && now < endTime) {
            now = endTime;
        }
    }
}
