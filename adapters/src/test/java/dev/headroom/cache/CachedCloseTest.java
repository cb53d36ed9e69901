package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.InMemoryLedger;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.testing.LogCapture;
import dev.headroom.testing.SqliteLedgers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a cache while 16 threads record through it. Each write in flight must still
 * invalidate the shared Redis keys, or another process keeps serving its older balance.
 */
class CachedCloseTest {

    private static final String ANN = "ann@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final int THREADS = 16;
    private static final String LOGGER = CachedBalanceLedger.class.getName();

    @TempDir
    Path directory;

    private CachedBalanceLedger open(long seed) {
        return CachedBalanceLedger.open(SqliteLedgers.open(directory.resolve("ledger.db"), seed),
                "127.0.0.1", RedisServers.port(),
                new CacheSettings(Duration.ofMinutes(5), "close-in-flight:"));
    }

    @Test
    void closeWithWritesInFlight_invalidatesEachWrite() throws Exception {
        try (LogCapture logs = LogCapture.start(); CachedBalanceLedger other = open(2)) {
            Map<String, Object> outcomes = recordAndClose(open(1));

            List<String> failures = logs.lines(true).stream()
                    .filter(line -> line.contains(LOGGER))
                    .toList();
            assertEquals(List.of(), failures);
            long recorded = outcomes.values().stream()
                    .filter(outcome -> outcome == RecordOutcome.RECORDED).count();
            assertEquals(recorded, other.balanceMicros(ANN));
            assertEquals(recorded, other.transactions(ANN, Instant.MIN, Instant.MAX).size());
        }
    }

    /**
     * The in-memory ledger closes at once, unlike the JDBC ledger, which waits for its calls in
     * flight. So the cache itself must wait before it closes its Redis client.
     */
    @Test
    void closeOverInMemory_invalidatesEachWrite() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            CachedBalanceLedger closing = CachedBalanceLedger.open(new InMemoryLedger(),
                    "127.0.0.1", RedisServers.port(),
                    new CacheSettings(Duration.ofMinutes(5), "close-in-memory:"));
            Map<String, Object> outcomes = recordAndClose(closing);

            List<String> failures = logs.lines(true).stream()
                    .filter(line -> line.contains(LOGGER))
                    .toList();
            assertEquals(List.of(), failures);
            for (Object outcome : outcomes.values()) {
                boolean expected = outcome == RecordOutcome.RECORDED
                        || outcome instanceof IllegalStateException;
                assertTrue(expected, "unexpected outcome " + outcome);
            }
        }
    }

    /** Records through {@code closing} on 16 threads and closes it after 200 records. */
    private static Map<String, Object> recordAndClose(CachedBalanceLedger closing)
            throws InterruptedException {
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        CountDownLatch recordedEnough = new CountDownLatch(200);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            String prefix = "c-" + t + "-";
            pool.submit(() -> recordUntilClosed(closing, prefix, outcomes, recordedEnough));
        }

        recordedEnough.await();
        closing.close();
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS), "callers stopped within 20 s");
        return outcomes;
    }

    /**
     * Records credits of 1 micro-dollar until the cache rejects a call as closed, reading the
     * balance after each so that the cache is filled between writes.
     */
    private static void recordUntilClosed(CachedBalanceLedger ledger, String idPrefix,
            Map<String, Object> outcomes, CountDownLatch recorded) {
        for (int i = 0; ; i++) {
            String id = idPrefix + i;
            Object outcome;
            try {
                outcome = ledger.record(Transaction.credit(id, ANN, T0, 1));
            } catch (RuntimeException e) {
                outcome = e;
            }
            outcomes.put(id, outcome);
            if (outcome instanceof IllegalStateException) {
                return;
            }
            recorded.countDown();
            try {
                ledger.balanceMicros(ANN);
            } catch (IllegalStateException closed) {
                return;
            }
        }
    }
}
