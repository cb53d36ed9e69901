package dev.headroom.run;

/** Receives the progress of a run, once per simulated day. */
@FunctionalInterface
public interface RunProgress {

    /** A listener that ignores progress. */
    RunProgress NONE = (day, days) -> { };

    /** Called after simulated day {@code day} (zero-based) of {@code days} has closed. */
    void dayClosed(int day, int days);
}
