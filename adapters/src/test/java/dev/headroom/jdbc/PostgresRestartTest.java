package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.testing.LogCapture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL server that stops and starts again while a ledger is open. The test runs its own
 * embedded server on 127.0.0.1 with a data folder that survives the restart, and the ledger's
 * retry wait is where the test restarts it, so the order of events does not depend on timing.
 * The ledger is given a password (the server trusts loopback and ignores it), which must never
 * appear in a log line or an error message.
 */
class PostgresRestartTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";
    private static final String SECRET = "s3cret-Pa55word";
    private static final int ATTEMPTS = 4;

    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres server;
    private int port;
    private final AtomicBoolean restartOnNextWait = new AtomicBoolean();
    private final List<String> errors = new ArrayList<>();
    private JdbcLedger ledger;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = LogCapture.start();
        server = startServer(0);
        port = server.getPort();
        ledger = openLedger(ATTEMPTS);
    }

    /**
     * Opens a ledger with a pool that waits at most 500 ms for a connection and the given
     * number of attempts per call, whose retry wait restarts the server once when asked to.
     */
    private JdbcLedger openLedger(int attempts) {
        RetryPolicy retry = RetryPolicy.builder()
                .maxAttempts(attempts)
                .maxElapsed(Duration.ofMinutes(2))
                .uniform(() -> 0.5)
                .sleeper(delay -> {
                    if (restartOnNextWait.getAndSet(false)) {
                        server = startServer(port);
                    }
                })
                .build();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres"
                + "&password=" + SECRET + "&connectTimeout=2";
        return JdbcLedger.open(url, "postgres", SECRET,
                new JdbcPoolSettings(2, Duration.ofMillis(500), Duration.ZERO), retry);
    }

    /**
     * Calls the ledger until the pool has connected to the restarted server again. The pool
     * reconnects in the background after a backoff of its own, so the number of failed calls
     * before that varies. The wait ends as soon as a call succeeds.
     */
    private long balanceOnceReconnected() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                return ledger.balanceMicros(ANN);
            } catch (StoreUnavailableException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        ledger.close();
        server.close();
        logs.close();
    }

    private EmbeddedPostgres startServer(int onPort) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            if (onPort != 0) {
                builder.setPort(onPort);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    private static Transaction usage(String id, long micros) {
        return new Transaction(id, ANN, T0, TransactionKind.USAGE, "gpt-4o-mini", 10, 20,
                micros, 5);
    }

    private <T extends Throwable> T expect(Class<T> type, Runnable call) {
        T error = assertThrows(type, call::run);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            errors.add(cause.toString());
        }
        return error;
    }

    @Test
    void stoppedServer_failsThenRecovers()
            throws IOException {
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        server.close();
        long retriesBefore = ledger.metrics().retries();

        StoreUnavailableException error = expect(StoreUnavailableException.class,
                () -> ledger.admit(usage("u-1", 400)));

        assertTrue(error.getMessage().contains("admit for u-1 failed after " + ATTEMPTS
                + " attempts"), error.getMessage());
        assertEquals(ATTEMPTS - 1, ledger.metrics().retries() - retriesBefore);
        assertTrue(logs.lines(true).stream().anyMatch(line -> line.contains("Retrying admit for"
                + " u-1")), logs.lines().toString());
        expect(StoreUnavailableException.class, () -> ledger.balanceMicros(ANN));

        server = startServer(port);

        assertEquals(1_000, balanceOnceReconnected(), "the failed admission stored nothing");
        assertEquals(1, ledger.transactions(ANN, Instant.MIN, Instant.MAX).size());
        assertEquals(AdmissionOutcome.ADMITTED, ledger.admit(usage("u-1", 400)));
        assertEquals(600, ledger.balanceMicros(ANN));
        assertNoSecret();
    }

    /**
     * The server stops, and the first retry wait of the next call starts it again. The call
     * gets enough attempts to outlast the pool's reconnection backoff, and fails only if the
     * server is still unreachable after all of them.
     */
    @Test
    void restartDuringRetries_completesTheCall() throws IOException {
        ledger.close();
        ledger = openLedger(40);
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        server.close();
        restartOnNextWait.set(true);

        RecordOutcome outcome = ledger.record(Transaction.credit("c-2", ANN, T0, 250));

        assertEquals(RecordOutcome.RECORDED, outcome);
        assertFalse(restartOnNextWait.get(), "the server was restarted in the retry wait");
        assertEquals(1_250, ledger.balanceMicros(ANN));
        assertEquals(1_250, ledger.sumOfRowsMicros(ANN));
        assertEquals(2, ledger.transactions(ANN, Instant.MIN, Instant.MAX).size());
        assertNoSecret();
    }

    @Test
    void openErrors_maskThePassword() throws IOException {
        server.close();
        JdbcPoolSettings pool = new JdbcPoolSettings(1, Duration.ofMillis(500), Duration.ZERO);
        String query = "/postgres?user=postgres&password=" + SECRET + "&connectTimeout=2";

        expect(StoreUnavailableException.class, () -> JdbcLedger.open(
                "jdbc:postgresql://127.0.0.1:" + port + query, "postgres", SECRET, pool,
                RetryPolicy.noRetries()));
        expect(IllegalArgumentException.class, () -> JdbcLedger.open(
                "jdbc:postgres://127.0.0.1:" + port + query, "postgres", SECRET, pool,
                RetryPolicy.noRetries()));

        assertEquals(2, errors.stream().filter(line -> line.contains("<masked>")).count(),
                errors.toString());
        assertNoSecret();
    }

    private void assertNoSecret() {
        for (String line : logs.lines()) {
            assertFalse(line.contains(SECRET), "log line with the password: " + line);
        }
        for (String error : errors) {
            assertFalse(error.contains(SECRET), "error with the password: " + error);
        }
    }
}
