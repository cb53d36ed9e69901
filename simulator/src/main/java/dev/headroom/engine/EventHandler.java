package dev.headroom.engine;

/** Receives each event that the {@link Engine} takes from its queue. */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles one event. {@link Engine#now()} is the event's time, and the handler may schedule
     * further events at that time or later.
     */
    void handle(Engine engine, int kind, int subject);
}
