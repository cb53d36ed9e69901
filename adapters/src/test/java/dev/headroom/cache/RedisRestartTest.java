package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * The Redis balance cache when redis-server restarts without persistence, so that it loses
 * every key. The test runs its own embedded redis-server on 127.0.0.1. It restarts the server
 * inside a balance read, after the read has its generation and the ledger's balance but before
 * it stores the balance, so the order of events does not depend on timing.
 */
class RedisRestartTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";
    /** More reads than the pool keeps idle connections, so every connection broken by the
     * restart is used, fails and is dropped before the write that follows. */
    private static final int POOL_DRAINING_READS = 10;

    private RedisServer server;
    private int port;

    @BeforeEach
    void startRedis() throws IOException {
        port = RedisServers.freeLoopbackPort();
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
    }

    @AfterEach
    void stopRedis() throws IOException {
        server.stop();
    }

    private void restartRedis() {
        try {
            server.stop();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart redis-server", e);
        }
    }

    /**
     * A read starts, Redis restarts and loses its keys, and the user's own debit goes through
     * the cache before the read stores what it read. The cache must not keep the balance from
     * before the debit: otherwise every balance check for the TTL (here five minutes) shows
     * credit that is already spent.
     */
    @Test
    void restartDuringRead_keepsLaterDebit() {
        OverlappingWriteLedger store = new OverlappingWriteLedger();
        try (CachedBalanceLedger cache = CachedBalanceLedger.open(store, "127.0.0.1", port,
                new CacheSettings(Duration.ofMinutes(5), "restart:"))) {
            cache.record(Transaction.credit("c-1", ANN, T0, 1_000));
            store.duringNextRead(() -> {
                restartRedis();
                for (int i = 0; i < POOL_DRAINING_READS; i++) {
                    cache.balanceMicros("other@example.com");
                }
                cache.record(new Transaction("u-1", ANN, T0, TransactionKind.USAGE,
                        "gpt-4o-mini", 10, 20, 800, 5));
            });

            long duringDebit = cache.balanceMicros(ANN);
            long afterDebit = cache.balanceMicros(ANN);

            assertEquals(1_000, duringDebit, "the read started before the debit");
            assertEquals(200, afterDebit, "the read after the debit");
            assertEquals(200, store.balanceMicros(ANN));
        }
    }

    /**
     * A read starts for a user who has not written through the cache, so Redis has no
     * generation for the user. The user's debit goes through the cache, and then Redis restarts
     * and loses the generation that the debit set, which takes it back to the state the read
     * started from. The cache must still not keep the balance from before the debit.
     */
    @Test
    void restartAfterDebit_userWithoutGeneration() {
        OverlappingWriteLedger store = new OverlappingWriteLedger();
        store.record(Transaction.credit("c-1", ANN, T0, 1_000));
        try (CachedBalanceLedger cache = CachedBalanceLedger.open(store, "127.0.0.1", port,
                new CacheSettings(Duration.ofMinutes(5), "restart:"))) {
            store.duringNextRead(() -> {
                cache.record(new Transaction("u-1", ANN, T0, TransactionKind.USAGE,
                        "gpt-4o-mini", 10, 20, 800, 5));
                restartRedis();
                for (int i = 0; i < POOL_DRAINING_READS; i++) {
                    cache.balanceMicros("other@example.com");
                }
            });

            long duringDebit = cache.balanceMicros(ANN);
            long afterDebit = cache.balanceMicros(ANN);

            assertEquals(1_000, duringDebit, "the read started before the debit");
            assertEquals(200, afterDebit, "the read after the debit");
        }
    }
}
