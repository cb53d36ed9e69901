package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.retry.RetryPolicy;
import dev.headroom.testing.CloseRace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Closing a ledger on the embedded server while 16 threads record through its 8 connections,
 * so that some calls hold a connection and others wait for one.
 */
class PostgresCloseTest {

    private static final String SCHEMA = "close_in_flight";
    private static final String ANN = "ann@example.com";

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
        Map<String, Object> outcomes = CloseRace.recordAndClose(open(8), 200, thread -> ANN,
                false);

        Set<String> recorded = CloseRace.recordedOrClosed(outcomes, "the JDBC ledger is closed");
        try (JdbcLedger check = open(1)) {
            Set<String> stored = new HashSet<>();
            check.transactions(ANN, Instant.MIN, Instant.MAX)
                    .forEach(row -> stored.add(row.transactionId()));
            assertEquals(recorded, stored);
            assertEquals(recorded.size(), check.balanceMicros(ANN));
        }
    }
}
