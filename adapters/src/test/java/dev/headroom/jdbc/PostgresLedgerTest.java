package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.retry.RetryPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.SplittableRandom;
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
        try (Connection connection = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            OldLedgerSchema.create(connection);
            JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(30),
                    Duration.ZERO);
            OldLedgerSchema.checkUpgrade(() -> JdbcLedger.open(PostgresServers.url(schema),
                    null, null, pool, RetryPolicy.noRetries()), connection);
        }
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
