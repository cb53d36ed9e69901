package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.retry.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
