package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.retry.RetryPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the ledger contract against SQLite in a file under a temporary directory. */
class SqliteLedgerTest extends UsageLedgerContract {

    @TempDir
    Path directory;

    private String url() {
        return "jdbc:sqlite:" + directory.resolve("ledger.db");
    }

    @Override
    protected UsageLedger newLedger() {
        JdbcPoolSettings pool = new JdbcPoolSettings(4, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(11)::nextDouble)
                .build();
        return JdbcLedger.open(url(), null, null, pool, retry);
    }

    @Test
    void dialect_isSqlite() {
        assertEquals(SqlDialect.SQLITE, ((JdbcLedger) ledger).dialect());
    }

    @Test
    void databaseFile_usesWriteAheadLog() throws Exception {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertEquals("wal", mode.getString(1));
        }
    }
}
