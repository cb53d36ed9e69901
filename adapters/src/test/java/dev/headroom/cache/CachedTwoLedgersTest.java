package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.jdbc.JdbcLedger;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.testing.SharedIdRace;
import dev.headroom.testing.SqliteLedgers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two caches on one Redis, each over its own ledger on one SQLite file, as two processes run
 * them. Balance reads through both caches run during the writes, so that the caches fill while
 * the balance moves.
 */
class CachedTwoLedgersTest {

    private static final String ANN = "ann@example.com";

    @TempDir
    Path directory;

    private CachedBalanceLedger open(long seed) {
        JdbcLedger store = SqliteLedgers.open(directory.resolve("ledger.db"), seed);
        return CachedBalanceLedger.open(store, "127.0.0.1", RedisServers.port(),
                new CacheSettings(Duration.ofMinutes(5), "two-ledgers:"));
    }

    @Test
    void sameIdsThroughBoth_leaveNoStaleBalance() throws Exception {
        List<Transaction> requests = SharedIdRace.requests(ANN, 300, 53);
        try (CachedBalanceLedger first = open(1); CachedBalanceLedger second = open(2)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    first.balanceMicros(ANN);
                    second.balanceMicros(ANN);
                }
            }, "balance-reader");
            reader.start();
            Map<String, Transaction> stored;
            try {
                stored = SharedIdRace.run(first, second, requests, Duration.ofMinutes(3));
            } finally {
                writing.set(false);
                reader.join();
            }

            SharedIdRace.assertStoreMatches(first, second, ANN, stored);
            assertTrue(first.hits() + second.hits() > 0, "no balance read hit the cache");

            long before = second.balanceMicros(ANN);
            Transaction credit = Transaction.credit("c-last", ANN,
                    Instant.parse("2026-03-02T00:00:01Z"), 70_000);
            assertEquals(RecordOutcome.RECORDED, first.record(credit));
            assertEquals(before + 70_000, second.balanceMicros(ANN));
        }
    }
}
