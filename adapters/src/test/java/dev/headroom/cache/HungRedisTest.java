package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.InMemoryLedger;
import dev.headroom.ledger.Transaction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache in front of a Redis server that accepts connections but never replies, as a
 * stopped or overloaded server does. Every Redis call then waits for the client's socket
 * timeout, and balance reads must still fall back to the ledger in bounded time, however many
 * callers there are.
 */
class HungRedisTest {

    private static final String ANN = "ann@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final int CALLERS = 64;

    private ServerSocket silentServer;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void startSilentServer() throws IOException {
        silentServer = new ServerSocket(0, CALLERS, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silentServer.accept());
                }
            } catch (IOException closed) {
                // The test closed the server socket.
            }
        }, "silent-redis-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopSilentServer() throws Exception {
        silentServer.close();
        acceptor.join(5_000);
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void concurrentReads_fallBackToLedger() throws Exception {
        InMemoryLedger store = new InMemoryLedger();
        store.record(Transaction.credit("c-1", ANN, T0, 800));
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (CachedBalanceLedger cache = CachedBalanceLedger.open(store, "127.0.0.1",
                silentServer.getLocalPort(), new CacheSettings(Duration.ofSeconds(30), "hung:"))) {
            List<Future<Long>> reads = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                reads.add(callers.submit(() -> {
                    long start = System.nanoTime();
                    assertEquals(800, cache.balanceMicros(ANN));
                    return System.nanoTime() - start;
                }));
            }
            long slowestNanos = 0;
            for (Future<Long> read : reads) {
                slowestNanos = Math.max(slowestNanos, read.get());
            }

            Duration slowest = Duration.ofNanos(slowestNanos);
            assertTrue(slowest.compareTo(Duration.ofSeconds(10)) < 0,
                    "slowest of " + CALLERS + " reads took " + slowest.toMillis() + " ms");
            assertEquals(CALLERS, cache.misses());
        } finally {
            callers.shutdownNow();
        }
    }
}
