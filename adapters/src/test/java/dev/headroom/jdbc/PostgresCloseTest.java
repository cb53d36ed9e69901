package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing a ledger on the embedded server while 16 threads record through its 8 connections,
 * so that some calls hold a connection and others wait for one.
 */
class PostgresCloseTest {

    private static final String SCHEMA = "close_in_flight";
    private static final String ANN = "ann@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final int THREADS = 16;

    private static JdbcLedger open(int connections) {
        JdbcPoolSettings pool = new JdbcPoolSettings(connections, Duration.ofSeconds(30),
                Duration.ZERO);
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(17)::nextDouble)
                .build();
        return JdbcLedger.open(PostgresServers.url(SCHEMA), null, null, pool, retry);
    }

    @Test
    void closeWithCallsInFlight_finishesThem() throws Exception {
        PostgresServers.createEmptySchema(SCHEMA);
        JdbcLedger ledger = open(8);
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        CountDownLatch recordedEnough = new CountDownLatch(200);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            String thread = "c-" + t + "-";
            pool.submit(() -> recordUntilClosed(ledger, thread, outcomes, recordedEnough));
        }

        recordedEnough.await();
        long start = System.nanoTime();
        ledger.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS), "callers stopped within 20 s");

        assertTrue(closing.toSeconds() < JdbcLedger.CLOSE_WAIT_SECONDS,
                "close took " + closing.toMillis() + " ms");
        Set<String> recorded = new HashSet<>();
        outcomes.forEach((id, outcome) -> {
            if (outcome == RecordOutcome.RECORDED) {
                recorded.add(id);
            } else {
                assertTrue(outcome instanceof IllegalStateException, id + " ended in "
                        + outcome + ", not RECORDED or the closed ledger's error");
            }
        });
        try (JdbcLedger check = open(1)) {
            Set<String> stored = new HashSet<>();
            check.transactions(ANN, Instant.MIN, Instant.MAX)
                    .forEach(row -> stored.add(row.transactionId()));
            assertEquals(recorded, stored);
            assertEquals(recorded.size(), check.balanceMicros(ANN));
        }
    }

    /** Records credits of 1 micro-dollar until the ledger rejects a call as closed. */
    private static void recordUntilClosed(JdbcLedger ledger, String idPrefix,
            Map<String, Object> outcomes, CountDownLatch recorded) {
        for (int i = 0; ; i++) {
            String id = idPrefix + i;
            try {
                outcomes.put(id, ledger.record(Transaction.credit(id, ANN, T0, 1)));
                recorded.countDown();
            } catch (RuntimeException e) {
                outcomes.put(id, e);
                if (e instanceof IllegalStateException) {
                    return;
                }
            }
        }
    }
}
