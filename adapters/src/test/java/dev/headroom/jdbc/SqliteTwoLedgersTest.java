package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.testing.SharedIdRace;
import dev.headroom.testing.SqliteLedgers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two ledgers on one SQLite file, as two proxy processes would open them. */
class SqliteTwoLedgersTest {

    private static final String ANN = "ann@example.com";

    @TempDir
    Path directory;

    @Test
    void sameIdsThroughBoth_storeEachOnce() throws Exception {
        Path file = directory.resolve("ledger.db");
        try (JdbcLedger first = SqliteLedgers.open(file, 1);
                JdbcLedger second = SqliteLedgers.open(file, 2)) {
            SharedIdRace.runAndCheck(first, second, ANN, SharedIdRace.requests(ANN, 300, 41),
                    Duration.ofMinutes(3));

            assertEquals(first.balanceMicros(ANN), first.sumOfRowsMicros(ANN));
        }
    }
}
