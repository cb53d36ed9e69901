package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.testing.AdmissionRace;
import dev.headroom.testing.LogCapture;
import dev.headroom.testing.ReplyDroppingProxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL ledger when the reply to a COMMIT is lost after the server committed. A
 * loopback proxy between the driver and the shared embedded server forwards the COMMIT, waits
 * for the server's response and breaks the connection instead of passing the response on. Other
 * tests lose the COMMIT itself, which the driver cannot tell from a lost reply.
 */
class PostgresFaultTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";
    /** The text of the driver's commit statement; unnamed statements keep it on the wire. */
    private static final String COMMIT = "COMMIT";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private ReplyDroppingProxy proxy;
    private String schema;
    private final List<JdbcLedger> ledgers = new ArrayList<>();

    @BeforeEach
    void createSchemaAndProxy() throws Exception {
        schema = "faults_" + SCHEMAS.incrementAndGet();
        PostgresServers.createEmptySchema(schema);
        proxy = ReplyDroppingProxy.start(PostgresServers.shared().getPort());
    }

    @AfterEach
    void close() {
        ledgers.forEach(JdbcLedger::close);
        proxy.close();
    }

    /**
     * Opens a ledger through the proxy. {@code prepareThreshold=0} keeps the driver from
     * replacing the COMMIT text by a named server-side statement.
     */
    private JdbcLedger openThroughProxy(RetryPolicy retry) {
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?user=postgres"
                + "&currentSchema=" + schema + "&prepareThreshold=0";
        JdbcLedger ledger = JdbcLedger.open(url, null, null,
                new JdbcPoolSettings(8, Duration.ofSeconds(30), Duration.ZERO), retry);
        ledgers.add(ledger);
        return ledger;
    }

    private static RetryPolicy quickRetries() {
        return RetryPolicy.builder().sleeper(delay -> { }).uniform(() -> 0.5).build();
    }

    /**
     * Retries at once, and runs {@code between} before the first retry only: another process
     * that writes while this call waits.
     */
    private static RetryPolicy retriesAfter(Runnable between) {
        AtomicInteger waits = new AtomicInteger();
        return RetryPolicy.builder().uniform(() -> 0.5).sleeper(delay -> {
            if (waits.getAndIncrement() == 0) {
                between.run();
            }
        }).build();
    }

    /**
     * Loses the next COMMIT request, so the first write of the returned ledger stores nothing,
     * and has a second ledger (another process) run {@code write} before that call retries.
     * Returns the first ledger and puts the result of {@code write} in {@code secondOutcome}.
     */
    private <T> JdbcLedger loseCommitWhileAnotherWrites(Function<JdbcLedger, T> write,
            AtomicReference<T> secondOutcome) {
        JdbcLedger second = openThroughProxy(quickRetries());
        second.record(Transaction.credit("c-1", ANN, T0, 1_000));
        JdbcLedger first =
                openThroughProxy(retriesAfter(() -> secondOutcome.set(write.apply(second))));
        proxy.loseRequest(COMMIT);
        return first;
    }

    private static Transaction usage(String id, long micros) {
        return new Transaction(id, ANN, T0, TransactionKind.USAGE, "gpt-4o-mini", 10, 20,
                micros, 5);
    }

    private static List<Transaction> rows(JdbcLedger ledger) {
        return ledger.transactions(ANN, Instant.MIN, Instant.MAX);
    }

    /**
     * A COMMIT lost in a network partition: the proxy closes the driver's connection but keeps
     * the server's open and silent, so the server's transaction stays open and keeps the
     * account row locked. The server ends that session after its idle-in-transaction timeout,
     * and the retry, which waits for the row lock meanwhile, then stores the row. Without the
     * timeout, each retry waits for the lock until the driver's 30 s socket timeout.
     */
    @Test
    void strandedCommit_retryStoresAfterIdleTimeout() {
        JdbcLedger ledger = openThroughProxy(RetryPolicy.builder().maxAttempts(3)
                .maxElapsed(Duration.ofMinutes(5)).sleeper(delay -> { }).uniform(() -> 0.5)
                .build());
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        proxy.strandRequest(COMMIT);

        assertEquals(RecordOutcome.RECORDED,
                ledger.record(Transaction.credit("c-2", ANN, T0, 500)));

        assertEquals(1, proxy.lostRequests());
        assertEquals(1_500, ledger.balanceMicros(ANN));
        assertEquals(List.of("c-1", "c-2"),
                rows(ledger).stream().map(Transaction::transactionId).toList());
    }

    @Test
    void lostCommitReply_record_isRecordedOnce() {
        JdbcLedger ledger = openThroughProxy(quickRetries());
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        Transaction credit = Transaction.credit("c-2", ANN, T0, 500);
        proxy.loseReplyTo(COMMIT);

        try (LogCapture logs = LogCapture.start()) {
            assertEquals(RecordOutcome.RECORDED, ledger.record(credit), "this call stored it");

            assertEquals(1, proxy.lostReplies());
            assertTrue(logs.lines(true).stream().anyMatch(line -> line.contains("Retrying record")
                    && line.contains("c-2")), logs.lines().toString());
        }
        assertEquals(RecordOutcome.DUPLICATE, ledger.record(credit), "the caller's retry");
        assertEquals(1_500, ledger.balanceMicros(ANN));
        assertEquals(List.of("c-1", "c-2"),
                rows(ledger).stream().map(Transaction::transactionId).toList());
        assertEquals(1_500, ledger.sumOfRowsMicros(ANN));
    }

    @Test
    void lostCommitReply_admit_isAdmittedOnce() {
        JdbcLedger ledger = openThroughProxy(quickRetries());
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        Transaction request = usage("u-1", 1_000);
        proxy.loseReplyTo(COMMIT);

        assertEquals(AdmissionOutcome.ADMITTED, ledger.admit(request), "this call stored it");

        assertEquals(1, proxy.lostReplies());
        assertEquals(AdmissionOutcome.DUPLICATE, ledger.admit(request), "the caller's retry");
        assertEquals(AdmissionOutcome.INSUFFICIENT_BALANCE, ledger.admit(usage("u-2", 1)));
        assertEquals(0, ledger.balanceMicros(ANN));
        assertEquals(2, rows(ledger).size());
    }

    @Test
    void lostCommitReply_recordAll_countsOwnRows() {
        JdbcLedger ledger = openThroughProxy(quickRetries());
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        List<Transaction> credits = List.of(Transaction.credit("c-2", ANN, T0, 200),
                Transaction.credit("c-3", ANN, T0, 300), Transaction.credit("c-1", ANN, T0, 1_000));
        proxy.loseReplyTo(COMMIT);

        assertEquals(2, ledger.recordAll(credits), "the two new rows, not the stored c-1");

        assertEquals(1, proxy.lostReplies());
        assertEquals(1_500, ledger.balanceMicros(ANN));
        assertEquals(List.of("c-1", "c-2", "c-3"),
                rows(ledger).stream().map(Transaction::transactionId).toList());
    }

    @Test
    void lostLastCommitReply_retryIsDuplicate() {
        JdbcLedger ledger = openThroughProxy(RetryPolicy.noRetries());
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        Transaction request = usage("u-1", 400);
        proxy.loseReplyTo(COMMIT);

        StoreUnavailableException error =
                assertThrows(StoreUnavailableException.class, () -> ledger.admit(request));

        assertTrue(error.getMessage().contains("admit for u-1"), error.getMessage());
        assertEquals(AdmissionOutcome.DUPLICATE, ledger.admit(request));
        assertEquals(600, ledger.balanceMicros(ANN));
        assertEquals(2, rows(ledger).size());
    }

    @Test
    void lostCommitRequest_record_isDuplicate() {
        Transaction credit = Transaction.credit("c-2", ANN, T0, 500);
        AtomicReference<RecordOutcome> second = new AtomicReference<>();
        JdbcLedger first = loseCommitWhileAnotherWrites(ledger -> ledger.record(credit), second);

        assertEquals(RecordOutcome.DUPLICATE, first.record(credit), "the other call stored it");

        assertEquals(RecordOutcome.RECORDED, second.get(), "the call that stored it");
        assertStoredOnce(first, "c-2", 1_500);
    }

    @Test
    void lostCommitRequest_admit_isDuplicate() {
        Transaction request = usage("u-1", 400);
        AtomicReference<AdmissionOutcome> second = new AtomicReference<>();
        JdbcLedger first = loseCommitWhileAnotherWrites(ledger -> ledger.admit(request), second);

        assertEquals(AdmissionOutcome.DUPLICATE, first.admit(request), "the other call stored it");

        assertEquals(AdmissionOutcome.ADMITTED, second.get(), "the call that stored it");
        assertStoredOnce(first, "u-1", 600);
    }

    /**
     * Checks that the proxy lost one request and that {@code id} follows the credit c-1 as
     * Ann's only other row, counted once in a balance of {@code balance}.
     */
    private void assertStoredOnce(JdbcLedger ledger, String id, long balance) {
        assertEquals(1, proxy.lostRequests());
        assertEquals(balance, ledger.balanceMicros(ANN));
        assertEquals(List.of("c-1", id),
                rows(ledger).stream().map(Transaction::transactionId).toList());
        assertEquals(balance, ledger.sumOfRowsMicros(ANN));
    }

    /**
     * Two ledgers with their own pools (two processes) race 40 admissions for credit for ten,
     * while the proxy loses the replies to the first three commits. Exactly ten are stored,
     * the balance ends at zero, and every stored admission is reported as admitted.
     */
    @Test
    void concurrentAdmissions_lostCommits_spendOnce() throws Exception {
        JdbcLedger first = openThroughProxy(quickRetries());
        JdbcLedger second = openThroughProxy(quickRetries());
        long cost = 25_000;
        first.record(Transaction.credit("c-1", ANN, T0, 10 * cost));
        for (int i = 0; i < 3; i++) {
            proxy.loseReplyTo(COMMIT);
        }

        List<Transaction> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(usage("r-" + i, cost));
        }

        int admitted = AdmissionRace.admitted(first, second, requests, Duration.ofMinutes(2));

        assertEquals(3, proxy.lostReplies());
        assertEquals(10, admitted, "admissions reported");
        assertEquals(0, second.balanceMicros(ANN));
        assertEquals(11, rows(second).size(), "the credit and ten admissions");
        assertEquals(0, second.sumOfRowsMicros(ANN));
    }
}
