package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.InMemoryLedger;
import dev.headroom.testing.CloseRace;
import dev.headroom.testing.LogCapture;
import dev.headroom.testing.SqliteLedgers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a cache while 16 threads record through it. Each write in flight must still
 * invalidate the shared Redis keys, or another process keeps serving its older balance.
 */
class CachedCloseTest {

    private static final String ANN = "ann@example.com";
    private static final String CLOSED_MESSAGE = "the cached ledger is closed";
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
            Map<String, Object> outcomes = CloseRace.recordAndClose(open(1), 200,
                    thread -> ANN, true);

            assertEquals(List.of(), cacheWarnings(logs));
            Set<String> recorded = CloseRace.recordedOrClosed(outcomes, CLOSED_MESSAGE);
            assertEquals(recorded.size(), other.balanceMicros(ANN));
            assertEquals(recorded.size(),
                    other.transactions(ANN, Instant.MIN, Instant.MAX).size());
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
            Map<String, Object> outcomes = CloseRace.recordAndClose(closing, 200,
                    thread -> ANN, true);

            assertEquals(List.of(), cacheWarnings(logs));
            CloseRace.recordedOrClosed(outcomes, CLOSED_MESSAGE);
        }
    }

    /** Returns the cache's lines at WARN and above. */
    private static List<String> cacheWarnings(LogCapture logs) {
        return logs.lines(true).stream()
                .filter(line -> line.contains(LOGGER))
                .toList();
    }
}
