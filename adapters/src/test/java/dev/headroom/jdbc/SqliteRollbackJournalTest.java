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

/**
 * Runs the ledger contract against SQLite in rollback-journal mode, the mode a file on a
 * network file system such as Amazon EFS needs, where writers block readers.
 */
class SqliteRollbackJournalTest extends UsageLedgerContract {

    @TempDir
    Path directory;

    private String url() {
        return "jdbc:sqlite:" + directory.resolve("ledger.db");
    }

    @Override
    protected UsageLedger newLedger() {
        JdbcPoolSettings pool = new JdbcPoolSettings(4, Duration.ofSeconds(30),
                Duration.ofSeconds(5), SqliteJournal.DELETE);
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(13)::nextDouble)
                .build();
        return JdbcLedger.open(url(), null, null, pool, retry);
    }

    /**
     * Returns 100 rows per writer: in this mode each commit creates, syncs and deletes a journal
     * file, which takes several times as long as a WAL commit.
     */
    @Override
    protected int recordsPerThread() {
        return 100;
    }

    @Test
    void databaseFile_usesRollbackJournal() throws Exception {
        assertEquals("delete", journalMode());
    }

    @Test
    void walFile_reopenedWithDelete_switchesBack() throws Exception {
        String walFile = "jdbc:sqlite:" + directory.resolve("wal.db");
        JdbcPoolSettings wal = new JdbcPoolSettings(2, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        JdbcLedger.open(walFile, null, null, wal, RetryPolicy.defaults()).close();

        JdbcLedger.open(walFile, null, null, wal.withSqliteJournal(SqliteJournal.DELETE),
                RetryPolicy.defaults()).close();

        assertEquals("delete", journalMode(walFile));
    }

    private String journalMode() throws Exception {
        return journalMode(url());
    }

    private static String journalMode(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            return mode.getString(1);
        }
    }
}
