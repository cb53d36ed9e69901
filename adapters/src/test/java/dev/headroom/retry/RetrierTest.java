package dev.headroom.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.ThrottledException;
import dev.headroom.metrics.MetricsRecorder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    /** Failure that the test classifier sorts by its kind field. */
    private static final class StoreFailure extends Exception {
        private final FailureKind kind;

        StoreFailure(FailureKind kind) {
            super("store said " + kind);
            this.kind = kind;
        }
    }

    private static final FailureClassifier BY_KIND = failure -> failure instanceof StoreFailure f
            ? f.kind : FailureKind.PERMANENT;

    private final FakeTime time = new FakeTime();
    private final MetricsRecorder metrics = new MetricsRecorder();

    private RetryPolicy.Builder policy() {
        return RetryPolicy.builder()
                .maxAttempts(4)
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(1))
                .maxElapsed(Duration.ofSeconds(10))
                .jitter(Jitter.ADDITIVE)
                .uniform(() -> 0.0)
                .sleeper(time)
                .nanoClock(time::nowNanos);
    }

    /** Returns a call that fails with {@code kind} {@code failures} times, then returns "ok". */
    private static RetryableCall<String> failing(int failures, FailureKind kind,
            AtomicInteger attempts) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new StoreFailure(kind);
            }
            return "ok";
        };
    }

    @Test
    void transientFailures_areRetriedUntilSuccess() {
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = policy().build().retrier(BY_KIND, metrics);

        String result = retrier.execute("record", "tx-1",
                failing(3, FailureKind.TRANSIENT, attempts));

        assertEquals("ok", result);
        assertEquals(4, attempts.get());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400)), time.sleeps());
        assertEquals(3, metrics.retries());
        assertEquals(0, metrics.throttles());
    }

    @Test
    void throttling_afterLastAttempt_throwsThrottled() {
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = policy().build().retrier(BY_KIND, metrics);

        ThrottledException error = assertThrows(ThrottledException.class,
                () -> retrier.execute("append", "a@example.com",
                        failing(99, FailureKind.THROTTLED, attempts)));

        assertEquals(4, attempts.get());
        assertEquals(3, metrics.retries());
        assertEquals(4, metrics.throttles());
        assertTrue(error.getMessage().contains("append for a@example.com failed after 4 attempts"),
                error.getMessage());
        assertTrue(error.getCause() instanceof StoreFailure);
    }

    @Test
    void transientFailure_afterLastAttempt_throwsUnavailable() {
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = policy().maxAttempts(2).build().retrier(BY_KIND, metrics);

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                () -> retrier.execute("balance", "b@example.com",
                        failing(99, FailureKind.TRANSIENT, attempts)));

        assertEquals(2, attempts.get());
        assertTrue(error.getMessage().contains("store said TRANSIENT"), error.getMessage());
    }

    @Test
    void totalTimeBound_stopsBeforeAttemptsRunOut() {
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = policy().maxAttempts(50).maxElapsed(Duration.ofMillis(2_000))
                .build().retrier(BY_KIND, metrics);

        assertThrows(ThrottledException.class, () -> retrier.execute("get", "c@example.com",
                failing(99, FailureKind.THROTTLED, attempts)));

        long slept = time.sleeps().stream().mapToLong(Duration::toMillis).sum();
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800)), time.sleeps());
        assertTrue(slept <= 2_000, "slept " + slept + " ms");
        assertEquals(5, attempts.get());
    }

    @Test
    void totalTimeBound_countsTimeSpentInCalls() {
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = policy().maxElapsed(Duration.ofSeconds(1))
                .build().retrier(BY_KIND, metrics);

        assertThrows(StoreUnavailableException.class, () -> retrier.execute("get", "d",
                () -> {
                    attempts.incrementAndGet();
                    time.advance(Duration.ofMillis(950));
                    throw new StoreFailure(FailureKind.TRANSIENT);
                }));

        assertEquals(1, attempts.get());
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void waitEndingAtTimeBound_isAllowed() {
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = policy().maxAttempts(50).maxElapsed(Duration.ofMillis(1_500))
                .build().retrier(BY_KIND, metrics);

        assertThrows(ThrottledException.class, () -> retrier.execute("get", "g",
                failing(99, FailureKind.THROTTLED, attempts)));

        // The waits of 100, 200, 400 and 800 ms end at 1,500 ms, which the bound still allows.
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800)), time.sleeps());
        assertEquals(5, attempts.get());
    }

    @Test
    void permanentFailure_isNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("bad state");
        Retrier retrier = policy().build().retrier(BY_KIND, metrics);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> retrier.execute("record", "tx-2", () -> {
                    attempts.incrementAndGet();
                    throw bug;
                }));

        assertSame(bug, thrown);
        assertEquals(1, attempts.get());
        assertEquals(0, metrics.retries());
    }

    @Test
    void permanentCheckedFailure_isWrapped() {
        Retrier retrier = policy().build().retrier(BY_KIND, metrics);

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                () -> retrier.execute("record", "tx-3", () -> {
                    throw new IOException("disk full");
                }));

        assertTrue(error.getMessage().contains("record for tx-3 failed: disk full"),
                error.getMessage());
    }

    @Test
    void retryAfter_longerThanBackoff_isHonoured() {
        FailureClassifier withRetryAfter = new FailureClassifier() {
            @Override
            public FailureKind classify(Throwable failure) {
                return FailureKind.THROTTLED;
            }

            @Override
            public Optional<Duration> retryAfter(Throwable failure) {
                return Optional.of(Duration.ofSeconds(2));
            }
        };
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = policy().build().retrier(withRetryAfter, metrics);

        retrier.execute("append", "e", failing(2, FailureKind.THROTTLED, attempts));

        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), time.sleeps());
    }

    @Test
    void interruptedWait_throwsUnavailableAndKeepsFlag() {
        Retrier retrier = policy().sleeper(duration -> {
            throw new InterruptedException("stop");
        }).build().retrier(BY_KIND, metrics);

        try {
            assertThrows(StoreUnavailableException.class, () -> retrier.execute("get", "f",
                    failing(1, FailureKind.TRANSIENT, new AtomicInteger())));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
