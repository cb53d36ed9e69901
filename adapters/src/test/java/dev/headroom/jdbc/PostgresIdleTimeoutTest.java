package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.zaxxer.hikari.HikariDataSource;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The idle-in-transaction timeout of PostgreSQL ledger writes, on the shared embedded server.
 * Triggers on the ledger tables store the value of {@code idle_in_transaction_session_timeout}
 * that each write transaction runs with, so the test reads what the server applied.
 */
class PostgresIdleTimeoutTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";
    private static final String SETTING = "idle_in_transaction_session_timeout";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private String schema;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeEach
    void createSchema() throws SQLException {
        schema = "idle_" + SCHEMAS.incrementAndGet();
        PostgresServers.createEmptySchema(schema);
    }

    @AfterEach
    void close() throws Exception {
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void open_defaultUrl_writesRunWithTenSeconds() throws SQLException {
        JdbcLedger ledger = open(PostgresServers.url(schema));

        writeOnEveryPath(ledger);

        assertEquals(observationsOfEveryPath("10s"), observedTimeouts());
    }

    @Test
    void open_urlOptions_keepThirtySeconds() throws SQLException {
        String url = PostgresServers.url(schema)
                + "&options=-c%20idle_in_transaction_session_timeout%3D30s";
        JdbcLedger ledger = open(url);

        writeOnEveryPath(ledger);

        assertEquals(observationsOfEveryPath("30s"), observedTimeouts());
    }

    /**
     * The ledger works on the one connection of a pool as {@link JdbcLedger#open} configures
     * it, and the test reads that session between calls. The timeout of a write ends with its
     * transaction and leaves the session's value at the server's default of 0.
     */
    @Test
    void pool_sessionValueStaysAfterWrites() throws SQLException {
        HikariDataSource pool = JdbcPools.create(PostgresServers.url(schema), null, null,
                new JdbcPoolSettings(1, Duration.ofSeconds(30), Duration.ZERO));
        resources.add(pool);
        assertEquals("0", showPooled(pool), "the server's default");
        JdbcLedger ledger = JdbcLedger.create(pool, RetryPolicy.noRetries());
        resources.add(ledger);
        observeTimeouts();

        writeOnEveryPath(ledger);
        ledger.updateStatistics();

        assertEquals(observationsOfEveryPath("10s"), observedTimeouts());
        assertEquals("0", showPooled(pool), "the session's value after the writes");
    }

    /** A session with a value of its own before the writes, as from a role, keeps it. */
    @Test
    void write_keepsSessionValue() throws SQLException {
        Connection session = DriverManager.getConnection(PostgresServers.url(schema));
        resources.add(session);
        try (Statement statement = session.createStatement()) {
            statement.execute("SET " + SETTING + " = '45s'");
        }
        JdbcLedger ledger = JdbcLedger.create(new OneConnectionDataSource(session),
                RetryPolicy.noRetries());
        resources.add(ledger);
        observeTimeouts();

        writeOnEveryPath(ledger);

        assertEquals(observationsOfEveryPath("45s"), observedTimeouts());
        assertEquals("45s", show(session), "the session's value after the writes");
    }

    /**
     * A role whose configuration sets the timeout keeps it, and the server reports a value
     * given in minutes with its unit, which is not the disabled value 0.
     */
    @Test
    void open_roleSetting_keepsOneMinute() throws SQLException {
        String role = schema + "_writer";
        try (Connection admin = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + role);
            statement.execute("CREATE ROLE " + role + " LOGIN");
            statement.execute("GRANT ALL ON SCHEMA " + schema + " TO " + role);
            // The triggers run as the role and store into a table that user postgres creates.
            for (String kind : List.of("TABLES", "SEQUENCES")) {
                statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema
                        + " GRANT ALL ON " + kind + " TO " + role);
            }
            statement.execute("ALTER ROLE " + role + " SET " + SETTING + " = '60s'");
        }
        String url = PostgresServers.url(schema).replace("user=postgres", "user=" + role);
        JdbcLedger ledger = open(url);

        writeOnEveryPath(ledger);

        assertEquals(observationsOfEveryPath("1min"), observedTimeouts());
    }

    private JdbcLedger open(String url) throws SQLException {
        JdbcLedger ledger = JdbcLedger.open(url, null, null,
                new JdbcPoolSettings(2, Duration.ofSeconds(30), Duration.ZERO),
                RetryPolicy.noRetries());
        resources.add(ledger);
        observeTimeouts();
        return ledger;
    }

    /**
     * Writes through every kind of write transaction: a record, an admission, a batch, a batch
     * that falls back to one row at a time because an id is stored, and a snapshot.
     */
    private static void writeOnEveryPath(JdbcLedger ledger) {
        assertEquals(RecordOutcome.RECORDED,
                ledger.record(Transaction.credit("c-1", ANN, T0, 1_000)));
        ledger.admit(new Transaction("u-1", ANN, T0, TransactionKind.USAGE, "gpt-4o-mini", 10,
                20, 400, 5));
        assertEquals(2, ledger.recordAll(List.of(Transaction.credit("c-2", ANN, T0, 200),
                Transaction.credit("c-3", ANN, T0, 300))));
        assertEquals(1, ledger.recordAll(List.of(Transaction.credit("c-4", ANN, T0, 100),
                Transaction.credit("c-1", ANN, T0, 1_000))));
        ledger.snapshotBalance(ANN, T0.plusSeconds(1));
    }

    /** Returns what the triggers store for {@link #writeOnEveryPath} at {@code timeout}. */
    private static List<String> observationsOfEveryPath(String timeout) {
        List<String> observations = new ArrayList<>();
        for (int row = 0; row < 5; row++) {
            observations.add("ledger_transactions " + timeout);
        }
        observations.add("ledger_snapshots " + timeout);
        return observations;
    }

    /**
     * Adds triggers that store the table and the timeout in force for each row that a write
     * inserts or updates in the transaction and snapshot tables. A rolled-back write stores
     * nothing.
     */
    private void observeTimeouts() throws SQLException {
        try (Connection admin = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE " + schema + ".observed_timeouts"
                    + " (id serial PRIMARY KEY, table_name text, timeout text)");
            statement.execute("CREATE FUNCTION " + schema + ".observe_timeout()"
                    + " RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " INSERT INTO " + schema + ".observed_timeouts (table_name, timeout)"
                    + " VALUES (TG_TABLE_NAME, current_setting('" + SETTING + "'));"
                    + " RETURN NULL; END $$");
            for (String table : List.of("ledger_transactions", "ledger_snapshots")) {
                statement.execute("CREATE TRIGGER observe_timeout AFTER INSERT OR UPDATE ON "
                        + schema + "." + table + " FOR EACH ROW EXECUTE PROCEDURE "
                        + schema + ".observe_timeout()");
            }
        }
    }

    /** Returns "table timeout" for each stored observation, in the order of the writes. */
    private List<String> observedTimeouts() throws SQLException {
        List<String> observations = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name, timeout FROM "
                        + schema + ".observed_timeouts ORDER BY id")) {
            while (rows.next()) {
                observations.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        assertFalse(observations.isEmpty(), "no write fired the triggers");
        return observations;
    }

    /** Returns the timeout of the pool's only session, which the ledger used before. */
    private static String showPooled(HikariDataSource pool) throws SQLException {
        try (Connection session = pool.getConnection()) {
            return show(session);
        }
    }

    private static String show(Connection session) throws SQLException {
        try (Statement statement = session.createStatement();
                ResultSet value = statement.executeQuery("SHOW " + SETTING)) {
            value.next();
            return value.getString(1);
        }
    }

    /**
     * Hands out one physical connection that the test opens and closes. The {@code close()}
     * of the handed-out connection does nothing, so the session outlives each ledger call.
     */
    private static final class OneConnectionDataSource extends PGSimpleDataSource {
        private static final long serialVersionUID = 1L;

        private final transient Connection borrowed;

        OneConnectionDataSource(Connection session) {
            this.borrowed = (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(session, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection() {
            return borrowed;
        }

        @Override
        public Connection getConnection(String user, String password) {
            return borrowed;
        }
    }
}
