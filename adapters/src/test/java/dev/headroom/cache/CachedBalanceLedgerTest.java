package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.InMemoryLedger;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import redis.clients.jedis.RedisClient;

/**
 * Runs the ledger contract over an in-memory ledger decorated with the Redis balance cache, then
 * checks hits, TTL expiry and invalidation against the real redis-server on 127.0.0.1.
 */
class CachedBalanceLedgerTest extends UsageLedgerContract {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final String ANN = "ann@example.com";

    private RedisClient redis;
    private InMemoryLedger delegate;

    @BeforeEach
    void connectRedis() {
        redis = RedisClient.create("127.0.0.1", RedisServers.port());
    }

    @AfterEach
    void disconnectRedis() {
        redis.close();
    }

    /** Returns a cache over a fresh in-memory ledger, with keys no other test uses. */
    private CachedBalanceLedger cache(Duration ttl) {
        delegate = new InMemoryLedger();
        String prefix = "test" + PREFIXES.incrementAndGet() + ":";
        return CachedBalanceLedger.open(delegate, "127.0.0.1", RedisServers.port(),
                new CacheSettings(ttl, prefix));
    }

    @Override
    protected UsageLedger newLedger() {
        return cache(Duration.ofMinutes(5));
    }

    private CachedBalanceLedger cached() {
        return (CachedBalanceLedger) ledger;
    }

    @Test
    void secondRead_isHitWithoutDelegateRead() {
        ledger.record(credit("c-1", ANN, T0, 800));
        assertEquals(800, ledger.balanceMicros(ANN));
        long delegateCalls = delegate.metrics().calls();

        long balance = ledger.balanceMicros(ANN);

        assertEquals(800, balance);
        assertEquals(delegateCalls, delegate.metrics().calls(), "delegate calls");
        assertEquals(1, cached().hits());
        assertEquals(1, cached().misses());
    }

    @Test
    void cachedBalance_carriesTtl() {
        ledger.record(credit("c-1", ANN, T0, 800));
        ledger.balanceMicros(ANN);

        long ttlMillis = redis.pttl(BalanceKeys.of(prefixOf(), ANN).balance());

        assertTrue(ttlMillis > 0, "no TTL on the cached balance: " + ttlMillis);
        assertTrue(ttlMillis <= Duration.ofMinutes(5).toMillis(), "TTL " + ttlMillis);
    }

    @Test
    void record_invalidatesCachedBalance() {
        ledger.record(credit("c-1", ANN, T0, 800));
        assertEquals(800, ledger.balanceMicros(ANN));

        ledger.record(usage("u-1", ANN, T0.plusSeconds(1), 300));

        assertEquals(500, ledger.balanceMicros(ANN));
        assertEquals(2, cached().misses());
        assertEquals(0, cached().hits());
    }

    @Test
    void admit_invalidatesCachedBalance() {
        ledger.record(credit("c-1", ANN, T0, 800));
        assertEquals(800, ledger.balanceMicros(ANN));

        AdmissionOutcome outcome = ledger.admit(usage("u-1", ANN, T0.plusSeconds(1), 800));

        assertEquals(AdmissionOutcome.ADMITTED, outcome);
        assertEquals(0, ledger.balanceMicros(ANN));
    }

    @Test
    void writeAroundCache_showsAfterTtl() throws Exception {
        CachedBalanceLedger shortLived = cache(Duration.ofMillis(300));
        try {
            shortLived.record(credit("c-1", ANN, T0, 800));
            assertEquals(800, shortLived.balanceMicros(ANN));
            delegate.record(credit("c-2", ANN, T0.plusSeconds(1), 200));
            assertEquals(800, shortLived.balanceMicros(ANN), "cached balance before expiry");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (redis.exists(BalanceKeys.of(prefixOf(shortLived), ANN).balance())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertEquals(1_000, shortLived.balanceMicros(ANN), "balance after expiry");
            assertEquals(2, shortLived.misses());
        } finally {
            shortLived.close();
        }
    }

    @Test
    void writeDuringRead_isNotHiddenByCache() {
        OverlappingWriteLedger store = new OverlappingWriteLedger();
        try (CachedBalanceLedger racing = CachedBalanceLedger.open(store, "127.0.0.1",
                RedisServers.port(), new CacheSettings(Duration.ofMinutes(5), "overlap:"))) {
            racing.record(credit("c-1", ANN, T0, 800));
            store.duringNextRead(() -> racing.record(credit("c-2", ANN, T0, 200)));

            long duringWrite = racing.balanceMicros(ANN);
            long afterWrite = racing.balanceMicros(ANN);

            assertEquals(800, duringWrite, "the read started before the write");
            assertEquals(1_000, afterWrite, "the read after the write");
        }
    }

    @Test
    void redisDown_readsFallBackToDelegate() throws Exception {
        InMemoryLedger store = new InMemoryLedger();
        int closedPort = RedisServers.freeLoopbackPort();
        try (CachedBalanceLedger unreachable = CachedBalanceLedger.open(store, "127.0.0.1",
                closedPort, new CacheSettings(Duration.ofSeconds(5), "down:"))) {
            Transaction credit = credit("c-1", ANN, T0, 800);

            unreachable.record(credit);

            assertEquals(800, unreachable.balanceMicros(ANN));
            assertEquals(800, store.balanceMicros(ANN));
            assertEquals(1, unreachable.misses());
            assertEquals(0, unreachable.hits());
        }
    }

    @Test
    void close_logsStopWithKeyPrefix() throws Exception {
        CachedBalanceLedger cache = CachedBalanceLedger.open(new InMemoryLedger(), "127.0.0.1",
                RedisServers.freeLoopbackPort(), new CacheSettings(Duration.ofSeconds(5), "gone:"));

        try (LogCapture logs = LogCapture.start()) {
            cache.close();

            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("Closed the balance")
                    && line.contains("'gone:'")), logs.lines().toString());
        }
    }

    @Test
    void open_badArguments_areNamed() {
        CacheSettings settings = CacheSettings.defaults();
        InMemoryLedger store = new InMemoryLedger();
        int port = RedisServers.port();

        assertNames(NullPointerException.class, "delegate",
                () -> CachedBalanceLedger.open(null, "127.0.0.1", port, settings));
        assertNames(NullPointerException.class, "host",
                () -> CachedBalanceLedger.open(store, null, port, settings));
        assertNames(IllegalArgumentException.class, "host",
                () -> CachedBalanceLedger.open(store, " ", port, settings));
        assertNames(IllegalArgumentException.class, "port",
                () -> CachedBalanceLedger.open(store, "127.0.0.1", 0, settings));
        assertNames(IllegalArgumentException.class, "port",
                () -> CachedBalanceLedger.open(store, "127.0.0.1", 65_536, settings));
        assertNames(NullPointerException.class, "settings",
                () -> CachedBalanceLedger.open(store, "127.0.0.1", port, null));
    }

    private static void assertNames(Class<? extends Throwable> type, String argument,
            Executable open) {
        Throwable error = assertThrows(type, open);
        assertTrue(error.getMessage().contains(argument), error.getMessage());
    }

    private String prefixOf() {
        return prefixOf(cached());
    }

    private static String prefixOf(CachedBalanceLedger cache) {
        return cache.settings().keyPrefix();
    }
}
