package dev.headroom.dynamodb;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A dynalite that stops and starts again while a running-balance ledger is open. The test runs
 * its own dynalite with its tables in LevelDB files under a temporary folder, so they survive
 * the restart. The server stops from the ledger's after-commit hook or the test thread, and
 * starts from the retry wait or the test thread, so no step depends on timing. The ledger's
 * secret key must never appear in a log line or an error message.
 */
class DynaliteRestartTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";
    private static final String SECRET_KEY = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYSECRET";
    private static final int ATTEMPTS = 6;

    @TempDir
    Path dataDirectory;

    private DynaliteServer server;
    private final AtomicBoolean stopAfterNextCommit = new AtomicBoolean();
    private final AtomicBoolean restartOnNextWait = new AtomicBoolean();
    private final List<String> errors = new ArrayList<>();
    private DynamoDbLedger ledger;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = LogCapture.start();
        server = DynaliteServer.startPersistent(dataDirectory);
        RetryPolicy retry = RetryPolicy.builder()
                .maxAttempts(ATTEMPTS)
                .uniform(() -> 0.5)
                .sleeper(delay -> {
                    if (restartOnNextWait.getAndSet(false)) {
                        server = server.restart();
                    }
                })
                .build();
        ledger = DynamoDbLedger.builder()
                .endpoint(server.endpoint())
                .region(DynaliteTables.REGION)
                .credentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", SECRET_KEY)))
                .tableName("restart")
                .design(BalanceDesign.RUNNING_BALANCE)
                .retryPolicy(retry)
                .afterCommit(() -> {
                    if (stopAfterNextCommit.getAndSet(false)) {
                        server.close();
                    }
                })
                .build();
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
    }

    @AfterEach
    void stop() {
        ledger.close();
        server.close();
        logs.close();
    }

    private static Transaction usage(String id, long micros) {
        return new Transaction(id, ANN, T0.plusSeconds(1), TransactionKind.USAGE, "gpt-4o-mini",
                10, 20, micros, 5);
    }

    private StoreUnavailableException expectUnavailable(Runnable call) {
        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                call::run);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            errors.add(cause.toString());
        }
        return error;
    }

    @Test
    void stopAfterCommit_restartFinishesWrite() {
        stopAfterNextCommit.set(true);
        long retriesBefore = ledger.metrics().retries();

        StoreUnavailableException error = expectUnavailable(() -> ledger.admit(usage("u-1", 400)));

        assertTrue(error.getMessage().contains("u-1"), error.getMessage());
        assertTrue(error.getMessage().contains("failed after " + ATTEMPTS + " attempts"),
                error.getMessage());
        assertEquals(ATTEMPTS - 1, ledger.metrics().retries() - retriesBefore);
        expectUnavailable(() -> ledger.admit(usage("u-2", 1)));

        server = server.restart();

        assertEquals(600, ledger.balanceMicros(ANN), "the commit counts; u-2 stored nothing");
        assertEquals(AdmissionOutcome.DUPLICATE, ledger.admit(usage("u-1", 400)),
                "the caller's retry finds the committed write");
        assertFalse(ledger.repair(ANN), "the retry finished the pending write");
        assertEquals(List.of("c-1", "u-1"), ledger.transactions(ANN, Instant.MIN, Instant.MAX)
                .stream().map(Transaction::transactionId).toList());
        assertEquals(AdmissionOutcome.ADMITTED, ledger.admit(usage("u-2", 600)));
        assertEquals(0, ledger.balanceMicros(ANN));
        assertNoSecret();
    }

    @Test
    void restartDuringRetries_completesTheCall() {
        server.close();
        restartOnNextWait.set(true);

        RecordOutcome outcome = ledger.record(Transaction.credit("c-2", ANN, T0, 250));

        assertEquals(RecordOutcome.RECORDED, outcome);
        assertFalse(restartOnNextWait.get(), "dynalite was restarted in the retry wait");
        assertEquals(1_250, ledger.balanceMicros(ANN));
        assertEquals(2, ledger.transactions(ANN, Instant.MIN, Instant.MAX).size());
        assertNoSecret();
    }

    private void assertNoSecret() {
        for (String line : logs.lines()) {
            assertFalse(line.contains(SECRET_KEY), "log line with the secret key: " + line);
        }
        for (String error : errors) {
            assertFalse(error.contains(SECRET_KEY), "error with the secret key: " + error);
        }
    }
}
