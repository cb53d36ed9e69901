package dev.headroom.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Clock and sleeper in one: sleeping advances the clock at once and records the wait. */
final class FakeTime implements Sleeper {

    private long nowNanos;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        nowNanos += duration.toNanos();
    }

    synchronized long nowNanos() {
        return nowNanos;
    }

    synchronized void advance(Duration duration) {
        nowNanos += duration.toNanos();
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
