package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.retry.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the ledger contract against a PostgreSQL server that the test starts on 127.0.0.1. Each
 * ledger gets its own empty schema in the one server.
 */
class PostgresLedgerTest extends UsageLedgerContract {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServers.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected UsageLedger newLedger() {
        String schema = "contract_" + SCHEMAS.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(PostgresServers.url(server, null));
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        JdbcPoolSettings pool = new JdbcPoolSettings(16, Duration.ofSeconds(30),
                Duration.ZERO);
        RetryPolicy retry = RetryPolicy.builder()
                .uniform(new SplittableRandom(13)::nextDouble)
                .build();
        return JdbcLedger.open(PostgresServers.url(server, schema), null, null, pool, retry);
    }

    @Test
    void dialect_isPostgresql() {
        assertEquals(SqlDialect.POSTGRESQL, ((JdbcLedger) ledger).dialect());
    }
}
