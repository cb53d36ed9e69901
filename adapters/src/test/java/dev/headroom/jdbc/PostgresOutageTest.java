package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.retry.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tests of a PostgreSQL ledger whose server stops while the ledger is open. The test starts its
 * own embedded server on 127.0.0.1, because the shared one must keep running.
 */
class PostgresOutageTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";

    @Test
    void pool_setsSocketTimeout() {
        String url = PostgresServers.url(null);
        try (HikariDataSource pool = JdbcPools.create(url, null, null,
                JdbcPoolSettings.defaults())) {
            assertEquals(String.valueOf(JdbcPools.POSTGRES_SOCKET_TIMEOUT_SECONDS),
                    pool.getDataSourceProperties().getProperty("socketTimeout"));
        }
    }

    /**
     * A call that waits on a row lock gets no reply from the server. With a 2 s socket timeout
     * from the URL, each attempt fails, and the call gives up after its attempts instead of
     * waiting for the lock.
     */
    @Test
    void serverWithoutReply_isStoreUnavailableAfterTimeouts() throws Exception {
        String schema = "hung_reply";
        try (Connection admin = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        String url = PostgresServers.url(schema) + "&socketTimeout=2";
        RetryPolicy retry = RetryPolicy.builder().maxAttempts(2).sleeper(delay -> { }).build();
        JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(5), Duration.ZERO);
        try (JdbcLedger ledger = JdbcLedger.open(url, null, null, pool, retry);
                Connection holder = DriverManager.getConnection(url)) {
            ledger.record(Transaction.credit("c-1", ANN, T0, 500));
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeUpdate("UPDATE ledger_accounts SET row_count = row_count"
                        + " WHERE email = '" + ANN + "'");
            }

            StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                    () -> ledger.record(Transaction.credit("c-2", ANN, T0, 700)));

            assertTrue(error.getMessage().contains("failed after 2 attempts"),
                    error.getMessage());
            holder.rollback();
        }
    }

    @Test
    void stoppedServer_isStoreUnavailableAfterRetries() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        String url = "jdbc:postgresql://127.0.0.1:" + server.getPort()
                + "/postgres?user=postgres&connectTimeout=2";
        RetryPolicy retry = RetryPolicy.builder()
                .maxAttempts(3)
                .sleeper(delay -> { })
                .build();
        JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(1), Duration.ZERO);
        try (JdbcLedger ledger = JdbcLedger.open(url, null, null, pool, retry)) {
            assertEquals(RecordOutcome.RECORDED,
                    ledger.record(Transaction.credit("c-1", ANN, T0, 500)));

            server.close();

            StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                    () -> ledger.record(Transaction.credit("c-2", ANN, T0, 700)));
            assertTrue(error.getMessage().contains("failed after 3 attempts"),
                    error.getMessage());
            assertEquals(2, ledger.metrics().retries());
            assertThrows(StoreUnavailableException.class, () -> ledger.balanceMicros(ANN));
        } finally {
            server.close();
        }
    }
}
