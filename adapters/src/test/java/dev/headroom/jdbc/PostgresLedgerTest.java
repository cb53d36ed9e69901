package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.retry.RetryPolicy;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Runs the ledger contract against the embedded PostgreSQL server on 127.0.0.1. Each ledger
 * gets its own empty schema.
 */
class PostgresLedgerTest extends UsageLedgerContract {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @Override
    protected UsageLedger newLedger() {
        String schema = "contract_" + SCHEMAS.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        JdbcPoolSettings pool = new JdbcPoolSettings(16, Duration.ofSeconds(30),
                Duration.ZERO);
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(13)::nextDouble)
                .build();
        return JdbcLedger.open(PostgresServers.url(schema), null, null, pool, retry);
    }

    @Test
    void oldSchema_getsWriteMarkColumn() throws Exception {
        String schema = "old_" + SCHEMAS.incrementAndGet();
        try (Connection connection = oldTables(schema)) {
            JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(30),
                    Duration.ZERO);
            OldLedgerSchema.checkUpgrade(() -> JdbcLedger.open(PostgresServers.url(schema),
                    null, null, pool, RetryPolicy.noRetries()), connection);
        }
    }

    /** Returns a connection to a new schema that contains the older tables. */
    private static Connection oldTables(String schema) throws SQLException {
        Connection connection = DriverManager.getConnection(PostgresServers.url(null));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            OldLedgerSchema.create(connection);
        }
        return connection;
    }

    /**
     * Starts two ledgers on the older tables at once: a third connection holds the
     * transactions table's lock until both starts wait, then lets them go together.
     */
    @Test
    void oldSchema_twoLedgersUpgradeAtOnce() throws Exception {
        String schema = "old_" + SCHEMAS.incrementAndGet();
        try (Connection connection = oldTables(schema);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("LOCK TABLE ledger_transactions IN ACCESS EXCLUSIVE MODE");
            ExecutorService starts = Executors.newFixedThreadPool(2);
            try {
                List<Future<JdbcLedger>> ledgers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    ledgers.add(starts.submit(() -> JdbcLedger.open(PostgresServers.url(schema),
                            null, null, new JdbcPoolSettings(1, Duration.ofSeconds(30),
                                    Duration.ZERO), RetryPolicy.noRetries())));
                }
                awaitLockWaiters(statement, 2);
                connection.commit();
                for (Future<JdbcLedger> ledger : ledgers) {
                    try (JdbcLedger started = ledger.get(1, TimeUnit.MINUTES)) {
                        assertEquals(700, started.balanceMicros(OldLedgerSchema.ANN));
                    }
                }
            } finally {
                starts.shutdownNow();
            }
        }
    }

    /**
     * Another session locks the account row while the admission waits at its debit, then stores
     * the same request and spends the balance. The admission must report a duplicate.
     */
    @Test
    void admit_sameIdStoredDuringDebit_isDuplicate() throws Exception {
        String schema = "same_id_" + SCHEMAS.incrementAndGet();
        String email = "ann@example.com";
        Transaction request = usage("u-1", email, T0, 1_000);
        try (Connection connection = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            try (JdbcLedger admitting = JdbcLedger.open(PostgresServers.url(schema), null, null,
                    new JdbcPoolSettings(2, Duration.ofSeconds(30), Duration.ZERO),
                    RetryPolicy.noRetries())) {
                admitting.record(credit("c-1", email, T0, 1_000));
                connection.setAutoCommit(false);
                statement.execute("SELECT balance_micros FROM ledger_accounts"
                        + " WHERE email = '" + email + "' FOR UPDATE");
                ExecutorService caller = Executors.newSingleThreadExecutor();
                try {
                    Future<AdmissionOutcome> outcome =
                            caller.submit(() -> admitting.admit(request));
                    awaitLockWaiters(statement, 1);
                    statement.execute("UPDATE ledger_accounts SET balance_micros = 0,"
                            + " row_count = 2 WHERE email = '" + email + "'");
                    statement.execute("INSERT INTO ledger_transactions (transaction_id, email,"
                            + " seq, epoch_second, nano, kind, model, tokens_in, tokens_out,"
                            + " amount_micros, duration_millis) VALUES ('u-1', '" + email
                            + "', 2, " + T0.getEpochSecond() + ", 0, 'USAGE', 'gpt-4o-mini',"
                            + " 120, 480, 1000, 950)");
                    connection.commit();

                    assertEquals(AdmissionOutcome.DUPLICATE, outcome.get(1, TimeUnit.MINUTES));
                } finally {
                    caller.shutdownNow();
                }
                assertEquals(0, admitting.balanceMicros(email));
                assertEquals(List.of(credit("c-1", email, T0, 1_000), request),
                        admitting.transactions(email, Instant.MIN, Instant.MAX));
            }
        }
    }

    /** Waits until {@code count} sessions wait for a lock. */
    private static void awaitLockWaiters(Statement statement, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try (ResultSet waiting = statement.executeQuery(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted")) {
                waiting.next();
                if (waiting.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError(count + " sessions never waited for the table's lock");
    }

    @Test
    void dialect_isPostgresql() {
        assertEquals(SqlDialect.POSTGRESQL, ((JdbcLedger) ledger).dialect());
    }

    /** Returns random letters, which PostgreSQL cannot compress below its index row limit. */
    private static String randomLetters(int length) {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    @Test
    void idAboveIndexRowLimit_isInvalidInput() {
        Transaction row = credit(randomLetters(20_000), "ann@example.com", T0, 100);

        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> ledger.record(row));

        assertTrue(error.getMessage().contains("index row"), error.getMessage());
        assertEquals(0, ledger.balanceMicros("ann@example.com"));
        assertEquals(0, ledger.countUsers());
    }

    @Test
    void emailAboveIndexRowLimit_isInvalidInput() {
        String email = randomLetters(20_000) + "@example.com";
        Transaction row = credit("c-1", email, T0, 100);

        assertThrows(InvalidInputException.class, () -> ledger.record(row));
        assertThrows(InvalidInputException.class,
                () -> ledger.admit(usage("u-1", email, T0, 1)));

        assertEquals(0, ledger.countUsers());
    }
}
