package dev.headroom.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Closes a ledger while 16 threads record credits of 1 micro-dollar through it. */
public final class CloseRace {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final int THREADS = 16;

    private CloseRace() {
    }

    /**
     * Records on 16 threads until the ledger rejects a call, thread {@code t} for the user
     * {@code emailOfThread.apply(t)}, and closes the ledger once {@code recordsBeforeClose}
     * calls have returned. After each record a thread reads its user's balance if
     * {@code readBalance}. Returns each call's outcome or exception by transaction id. Fails the
     * test if the threads run on for 20 s after the close.
     */
    public static Map<String, Object> recordAndClose(UsageLedger ledger, int recordsBeforeClose,
            IntFunction<String> emailOfThread, boolean readBalance) throws InterruptedException {
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        CountDownLatch recorded = new CountDownLatch(recordsBeforeClose);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            String idPrefix = "c-" + t + "-";
            String email = emailOfThread.apply(t);
            pool.submit(() -> recordUntilClosed(ledger, email, idPrefix, readBalance, outcomes,
                    recorded));
        }

        recorded.await();
        ledger.close();
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS), "callers stopped within 20 s");
        return outcomes;
    }

    /**
     * Returns the ids whose call returned {@code RECORDED}. Fails the test if another call ended
     * in anything other than an {@link IllegalStateException} whose message starts with
     * {@code closedMessage}.
     */
    public static Set<String> recordedOrClosed(Map<String, Object> outcomes,
            String closedMessage) {
        Set<String> recorded = new HashSet<>();
        outcomes.forEach((id, outcome) -> {
            if (outcome == RecordOutcome.RECORDED) {
                recorded.add(id);
            } else {
                boolean closed = outcome instanceof IllegalStateException rejected
                        && rejected.getMessage().startsWith(closedMessage);
                assertTrue(closed, id + " ended in " + outcome
                        + ", not RECORDED or the closed ledger's error");
            }
        });
        return recorded;
    }

    private static void recordUntilClosed(UsageLedger ledger, String email, String idPrefix,
            boolean readBalance, Map<String, Object> outcomes, CountDownLatch recorded) {
        for (int i = 0; ; i++) {
            String id = idPrefix + i;
            Object outcome;
            try {
                outcome = ledger.record(Transaction.credit(id, email, T0.plusMillis(i), 1));
            } catch (RuntimeException e) {
                outcome = e;
            }
            outcomes.put(id, outcome);
            if (outcome instanceof IllegalStateException) {
                return;
            }
            recorded.countDown();
            if (readBalance) {
                try {
                    ledger.balanceMicros(email);
                } catch (IllegalStateException closed) {
                    return;
                }
            }
        }
    }
}
