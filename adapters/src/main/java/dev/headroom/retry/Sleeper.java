package dev.headroom.retry;

import java.time.Duration;

/** Waits between attempts; tests and simulations inject one that does not block. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread with {@link Thread#sleep}. */
    Sleeper SYSTEM = duration ->
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /** Waits for {@code duration}, which is zero or positive. */
    void sleep(Duration duration) throws InterruptedException;
}
