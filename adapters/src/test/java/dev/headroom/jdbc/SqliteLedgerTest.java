package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.retry.RetryPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

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

    @Test
    void oldSchema_getsWriteMarkColumn() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("old.db");
        JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        try (Connection connection = DriverManager.getConnection(url)) {
            OldLedgerSchema.create(connection);
            OldLedgerSchema.checkUpgrade(
                    () -> JdbcLedger.open(url, null, null, pool, RetryPolicy.noRetries()),
                    connection);
        }
    }

    /**
     * recordAll finds c-1 stored, so it records the rows one at a time. It commits c-2, then
     * loses its connection on c-3's balance update, with no commit in doubt. The retry must
     * count c-2, which carries the call's mark, and not c-1.
     */
    @Test
    void recordAll_connectionLostAfterCommit_countsRowsCommittedBefore() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + directory.resolve("lost.db"));
        AtomicInteger updates = new AtomicInteger();
        RetryPolicy retry = RetryPolicy.builder().sleeper(delay -> { }).uniform(() -> 0.5)
                .build();
        try (JdbcLedger lossy = JdbcLedger.create(losingConnection(source,
                sql -> sql.equals(TransactionRows.ADD_TO_BALANCE)
                        && updates.incrementAndGet() == 3), retry)) {
            lossy.record(Transaction.credit("c-1", "ann@example.com", T0, 1_000));

            int stored = lossy.recordAll(List.of(
                    Transaction.credit("c-2", "ann@example.com", T0, 200),
                    Transaction.credit("c-3", "ann@example.com", T0, 300),
                    Transaction.credit("c-1", "ann@example.com", T0, 1_000)));

            assertEquals(2, stored, "c-2 and c-3");
            assertEquals(1, lossy.metrics().retries());
            assertEquals(1_500, lossy.balanceMicros("ann@example.com"));
        }
    }

    /**
     * Returns {@code source} with connections that fail as broken ones, SQLSTATE 08006, when
     * they prepare a statement that {@code loses} accepts.
     */
    private static DataSource losingConnection(DataSource source, Predicate<String> loses) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(source, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (inner, call, values) -> {
                                if (call.getName().equals("prepareStatement")
                                        && loses.test((String) values[0])) {
                                    throw new SQLException("connection lost", "08006");
                                }
                                return invoke(connection, call, values);
                            });
                });
    }

    /** Calls {@code method} on {@code target}, throwing what the call threw. */
    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
