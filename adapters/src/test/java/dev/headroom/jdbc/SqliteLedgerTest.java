package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.retry.RetryPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Opens a second ledger on {@code file} whose connections fail at once with SQLITE_BUSY
     * while another connection writes, and whose retries call {@code onSleep} instead of waiting.
     */
    private JdbcLedger openWithoutBusyTimeout(String file, int attempts, Runnable onSleep) {
        JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(30), Duration.ZERO);
        RetryPolicy retry = RetryPolicy.builder()
                .maxAttempts(attempts)
                .uniform(() -> 0.5)
                .sleeper(duration -> onSleep.run())
                .build();
        return JdbcLedger.open("jdbc:sqlite:" + directory.resolve(file), null, null, pool, retry);
    }

    /** Opens a plain connection that takes the database's write lock and keeps it. */
    private Connection lockForWriting(String file) throws Exception {
        Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(file));
        blocker.setAutoCommit(false);
        try (Statement statement = blocker.createStatement()) {
            statement.executeUpdate("INSERT INTO ledger_accounts VALUES ('blocker', 0, 0)");
        }
        return blocker;
    }

    @Test
    void busyDatabase_isRetriedUntilFree() throws Exception {
        List<String> events = new ArrayList<>();
        Connection[] blocker = new Connection[1];
        try (JdbcLedger busy = openWithoutBusyTimeout("busy.db", 4, () -> {
            events.add("sleep");
            try {
                blocker[0].rollback();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })) {
            blocker[0] = lockForWriting("busy.db");
            Transaction credit = Transaction.credit("c-1", "ann@example.com", T0, 700);

            RecordOutcome outcome = busy.record(credit);

            assertEquals(RecordOutcome.RECORDED, outcome);
            assertEquals(List.of("sleep"), events);
            assertEquals(1, busy.metrics().retries());
            assertEquals(700, busy.balanceMicros("ann@example.com"));
            assertEquals(List.of(credit),
                    busy.transactions("ann@example.com", Instant.MIN, Instant.MAX));
        } finally {
            blocker[0].close();
        }
    }

    @Test
    void busyDatabase_afterLastAttempt_isUnavailable() throws Exception {
        try (JdbcLedger busy = openWithoutBusyTimeout("locked.db", 3, () -> { });
                Connection blocker = lockForWriting("locked.db")) {
            Transaction credit = Transaction.credit("c-1", "ann@example.com", T0, 700);

            StoreUnavailableException error =
                    assertThrows(StoreUnavailableException.class, () -> busy.record(credit));

            assertTrue(error.getMessage().contains("record for c-1 failed after 3 attempts"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("SQLITE_BUSY"), error.getMessage());
            assertEquals(2, busy.metrics().retries());
            assertEquals(3, busy.metrics().calls() - 1, "schema creation plus three attempts");
            blocker.rollback();
            assertEquals(0, busy.balanceMicros("ann@example.com"));
            assertEquals(0, busy.countUsers());
        }
    }

    /**
     * Creates {@code file} with the transactions table as ledgers created it before rows had a
     * write mark, with one credit of 700 for Ann.
     */
    private void createWithoutWriteMark(String file) throws Exception {
        try (Connection connection =
                DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(file));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ledger_accounts (email TEXT PRIMARY KEY,"
                    + " balance_micros BIGINT NOT NULL, row_count BIGINT NOT NULL)");
            statement.execute("CREATE TABLE ledger_transactions ("
                    + "transaction_id TEXT NOT NULL, email TEXT NOT NULL, seq BIGINT NOT NULL,"
                    + " epoch_second BIGINT NOT NULL, nano INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " model TEXT NOT NULL, tokens_in BIGINT NOT NULL,"
                    + " tokens_out BIGINT NOT NULL, amount_micros BIGINT NOT NULL,"
                    + " duration_millis BIGINT NOT NULL, PRIMARY KEY (email, transaction_id))");
            statement.execute("INSERT INTO ledger_accounts VALUES ('ann@example.com', 700, 1)");
            statement.execute("INSERT INTO ledger_transactions VALUES ('c-1', 'ann@example.com',"
                    + " 1, " + T0.getEpochSecond() + ", 0, 'CREDIT', '', 0, 0, 700, 0)");
        }
    }

    /** Returns the write marks of Ann's rows in stored order, null for a row without one. */
    private List<String> writeMarks(String file) throws Exception {
        List<String> marks = new ArrayList<>();
        try (Connection connection =
                DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(file));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT write_mark FROM"
                        + " ledger_transactions WHERE email = 'ann@example.com' ORDER BY seq")) {
            while (rows.next()) {
                marks.add(rows.getString(1));
            }
        }
        return marks;
    }

    @Test
    void oldSchema_getsWriteMarkColumn() throws Exception {
        createWithoutWriteMark("old.db");
        JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        String url = "jdbc:sqlite:" + directory.resolve("old.db");
        RetryPolicy once = RetryPolicy.noRetries();
        Transaction old = Transaction.credit("c-1", "ann@example.com", T0, 700);
        Transaction credit = Transaction.credit("c-2", "ann@example.com", T0, 300);

        try (JdbcLedger upgraded = JdbcLedger.open(url, null, null, pool, once)) {
            assertEquals(List.of(old), upgraded.transactions("ann@example.com", Instant.MIN,
                    Instant.MAX));
            assertEquals(RecordOutcome.DUPLICATE, upgraded.record(old), "a row without a mark");
            assertEquals(RecordOutcome.RECORDED, upgraded.record(credit));
        }
        try (JdbcLedger reopened = JdbcLedger.open(url, null, null, pool, once)) {
            assertEquals(1_000, reopened.balanceMicros("ann@example.com"));
            assertEquals(List.of(old, credit),
                    reopened.transactions("ann@example.com", Instant.MIN, Instant.MAX));
        }
        List<String> marks = writeMarks("old.db");
        assertNull(marks.get(0), "the row stored before the column existed");
        assertNotNull(marks.get(1), "the row stored after the upgrade");
    }
}
