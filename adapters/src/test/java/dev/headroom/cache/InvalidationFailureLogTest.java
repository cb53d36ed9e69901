package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.InMemoryLedger;
import dev.headroom.ledger.Transaction;
import dev.headroom.testing.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Checks that failed cache invalidations are logged at a bounded rate, each line with the ids
 * of the first failure it covers, and that the first success after failures is logged. The
 * outage test points the cache at a closed loopback port, then starts redis-server there.
 */
class InvalidationFailureLogTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String LOGGER = CachedBalanceLedger.class.getName();

    /** Returns the cache's ERROR lines. */
    private static List<String> errors(LogCapture logs) {
        return logs.lines().stream()
                .filter(line -> line.startsWith("ERROR " + LOGGER + " "))
                .toList();
    }

    /** Returns the cache's INFO lines that report working invalidations after failures. */
    private static List<String> recoveries(LogCapture logs) {
        return logs.lines().stream()
                .filter(line -> line.startsWith("INFO " + LOGGER + " "))
                .filter(line -> line.contains("work again"))
                .toList();
    }

    @Test
    void redisOutage_logsBoundedErrorsThenRecovery() throws IOException {
        int port = RedisServers.freeLoopbackPort();
        int writes = 250;
        try (LogCapture logs = LogCapture.start();
                CachedBalanceLedger cache = CachedBalanceLedger.open(new InMemoryLedger(),
                        "127.0.0.1", port, new CacheSettings(Duration.ofSeconds(5), "outage:"))) {
            for (int i = 0; i < writes; i++) {
                cache.record(Transaction.credit("c-" + i, "user" + i + "@example.com", T0, 10));
            }

            List<String> errors = errors(logs);
            assertEquals(3, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("user0@example.com"), errors.get(0));
            assertTrue(errors.get(0).contains("c-0"), errors.get(0));
            assertTrue(errors.get(1).contains("100 more"), errors.get(1));
            assertTrue(errors.get(1).contains("user1@example.com after transaction c-1 "),
                    errors.get(1));
            assertTrue(errors.get(2).contains("user101@example.com after transaction c-101 "),
                    errors.get(2));
            assertTrue(recoveries(logs).isEmpty(), logs.lines().toString());

            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            try {
                cache.record(Transaction.credit("c-back", "back@example.com", T0, 10));
            } finally {
                server.stop();
            }

            List<String> recovered = recoveries(logs);
            assertEquals(1, recovered.size(), logs.lines().toString());
            assertTrue(recovered.get(0).contains("work again after 250 failures"),
                    recovered.get(0));
            assertTrue(recovered.get(0).contains("49 of them not yet logged"), recovered.get(0));
            assertTrue(recovered.get(0).contains("user201@example.com after transaction c-201"),
                    recovered.get(0));
            assertEquals(3, errors(logs).size(), "errors after recovery");
        }
    }

    @Test
    void quietInterval_reportsFailuresSinceLastLine() {
        AtomicLong nanos = new AtomicLong(1_000);
        InvalidationFailureLog failures = new InvalidationFailureLog(
                LoggerFactory.getLogger(CachedBalanceLedger.class), nanos::get,
                Duration.ofSeconds(30));
        try (LogCapture logs = LogCapture.start()) {
            failures.failed("ann@example.com", "t-1");
            failures.failed("bob@example.com", "t-2");
            failures.failed("cy@example.com", "t-3");
            assertEquals(1, errors(logs).size(), "lines within the interval");

            nanos.addAndGet(InvalidationFailureLog.REPORT_INTERVAL.toNanos());
            failures.failed("dee@example.com", "t-4");

            List<String> errors = errors(logs);
            assertEquals(2, errors.size(), errors.toString());
            assertTrue(errors.get(1).contains("3 more"), errors.get(1));
            assertTrue(errors.get(1).contains("bob@example.com after transaction t-2 "),
                    errors.get(1));
            assertTrue(errors.get(1).contains("(4 failures since the last success)"),
                    errors.get(1));
        }
    }

    @Test
    void successWithoutFailures_logsNothing() {
        InvalidationFailureLog failures = new InvalidationFailureLog(
                LoggerFactory.getLogger(CachedBalanceLedger.class), System::nanoTime,
                Duration.ofSeconds(30));
        try (LogCapture logs = LogCapture.start()) {
            failures.succeeded();

            assertTrue(recoveries(logs).isEmpty(), logs.lines().toString());
            assertEquals(0, failures.outageFailures());
        }
    }

    @Test
    void secondOutage_logsItsFirstFailureAgain() {
        InvalidationFailureLog failures = new InvalidationFailureLog(
                LoggerFactory.getLogger(CachedBalanceLedger.class), System::nanoTime,
                Duration.ofSeconds(30));
        try (LogCapture logs = LogCapture.start()) {
            failures.failed("ann@example.com", "t-1");
            failures.succeeded();
            failures.failed("bob@example.com", "t-2");

            List<String> errors = errors(logs);
            assertEquals(2, errors.size(), errors.toString());
            assertTrue(errors.get(1).contains("bob@example.com after transaction t-2 "),
                    errors.get(1));
            List<String> recovered = recoveries(logs);
            assertEquals(1, recovered.size(), recovered.toString());
            assertTrue(recovered.get(0).contains("after 1 failures"), recovered.get(0));
        }
    }
}
