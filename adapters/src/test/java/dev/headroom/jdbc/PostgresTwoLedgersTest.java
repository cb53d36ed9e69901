package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.retry.RetryPolicy;
import dev.headroom.testing.SharedIdRace;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Two ledgers with pools of their own on the embedded server, as two processes would run. */
class PostgresTwoLedgersTest {

    private static final String ANN = "ann@example.com";
    private static final String SCHEMA = "two_ledgers";

    private static JdbcLedger open(long seed) {
        JdbcPoolSettings pool = new JdbcPoolSettings(8, Duration.ofSeconds(30), Duration.ZERO);
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(seed)::nextDouble)
                .build();
        return JdbcLedger.open(PostgresServers.url(SCHEMA), null, null, pool, retry);
    }

    @Test
    void sameIdsThroughBoth_storeEachOnce() throws Exception {
        PostgresServers.createEmptySchema(SCHEMA);
        try (JdbcLedger first = open(1); JdbcLedger second = open(2)) {
            SharedIdRace.runAndCheck(first, second, ANN, SharedIdRace.requests(ANN, 300, 47),
                    Duration.ofMinutes(3));

            assertEquals(first.balanceMicros(ANN), first.sumOfRowsMicros(ANN));
        }
    }
}
