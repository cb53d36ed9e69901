package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.testing.AdmissionRace;
import dev.headroom.testing.LogCapture;
import dev.headroom.testing.ReplyDroppingProxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The DynamoDB ledger when responses are lost after dynalite applied the write. A loopback
 * proxy between the SDK and the shared dynalite forwards the chosen call, waits for dynalite's
 * response and breaks the connection instead of passing the response on.
 */
class DynaliteFaultTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";
    private static final String UPDATE_ITEM = "DynamoDB_20120810.UpdateItem";
    private static final String PUT_ITEM = "DynamoDB_20120810.PutItem";

    private ReplyDroppingProxy proxy;
    private final List<DynamoDbLedger> ledgers = new ArrayList<>();

    @BeforeEach
    void startProxy() {
        proxy = ReplyDroppingProxy.start(DYNALITE.endpoint().getPort());
        DYNALITE.newTable("faults");
    }

    @AfterEach
    void stop() {
        ledgers.forEach(DynamoDbLedger::close);
        proxy.close();
    }

    private DynamoDbLedger openThroughProxy(BalanceDesign design) {
        DynamoDbLedger ledger = DynaliteTables.ledger(
                        URI.create("http://127.0.0.1:" + proxy.port()), design, DYNALITE.table())
                .retryPolicy(RetryPolicy.builder().sleeper(delay -> { }).uniform(() -> 0.5)
                        .build())
                .build();
        ledgers.add(ledger);
        return ledger;
    }

    /** Returns the call whose response the proxy loses: the balance commit or the log put. */
    private static String committingCall(BalanceDesign design) {
        return design == BalanceDesign.RUNNING_BALANCE ? UPDATE_ITEM : PUT_ITEM;
    }

    private static Transaction usage(String id, long micros) {
        return new Transaction(id, ANN, T0, TransactionKind.USAGE, "gpt-4o-mini", 10, 20,
                micros, 5);
    }

    private static List<Transaction> rows(DynamoDbLedger ledger) {
        return ledger.transactions(ANN, Instant.MIN, Instant.MAX);
    }

    @ParameterizedTest
    @EnumSource(BalanceDesign.class)
    void lostResponse_admit_isAdmittedOnce(BalanceDesign design) {
        DynamoDbLedger ledger = openThroughProxy(design);
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        Transaction request = usage("u-1", 1_000);
        proxy.loseReplyTo(committingCall(design));

        try (LogCapture logs = LogCapture.start()) {
            assertEquals(AdmissionOutcome.ADMITTED, ledger.admit(request), "this call wrote it");

            assertEquals(1, proxy.lostReplies());
            assertTrue(logs.lines(true).stream().anyMatch(line -> line.contains("Retrying")
                    && line.contains("for u-1")), logs.lines().toString());
        }
        assertEquals(AdmissionOutcome.DUPLICATE, ledger.admit(request), "the caller's retry");
        assertEquals(AdmissionOutcome.INSUFFICIENT_BALANCE, ledger.admit(usage("u-2", 1)));
        assertEquals(0, ledger.balanceMicros(ANN));
        assertEquals(List.of("c-1", "u-1"),
                rows(ledger).stream().map(Transaction::transactionId).toList());
    }

    @Test
    void lostCommitResponse_logsRetriedRound() {
        DynamoDbLedger ledger = openThroughProxy(BalanceDesign.RUNNING_BALANCE);
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        proxy.loseReplyTo(UPDATE_ITEM);

        try (LogCapture logs = LogCapture.start()) {
            assertEquals(AdmissionOutcome.ADMITTED, ledger.admit(usage("u-1", 1_000)));

            assertEquals(1, proxy.lostReplies());
            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("commit of u-1")
                    && line.contains("round 1 of")), logs.lines().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(BalanceDesign.class)
    void lostResponse_record_isRecordedOnce(BalanceDesign design) {
        DynamoDbLedger ledger = openThroughProxy(design);
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        Transaction credit = Transaction.credit("c-2", ANN, T0.plusSeconds(1), 500);
        proxy.loseReplyTo(committingCall(design));

        assertEquals(RecordOutcome.RECORDED, ledger.record(credit), "this call wrote it");

        assertEquals(1, proxy.lostReplies());
        assertEquals(RecordOutcome.DUPLICATE, ledger.record(credit), "the caller's retry");
        assertEquals(1_500, ledger.balanceMicros(ANN));
        assertEquals(2, rows(ledger).size());
    }

    /**
     * A put that fails its condition because an earlier call stored the key is a duplicate, even
     * when the proxy loses the response. The stored item differs from the one this call sent.
     */
    @Test
    void lostReplyToRejectedPut_ofStoredKey_isDuplicate() {
        DynamoDbLedger ledger = openThroughProxy(BalanceDesign.QUERY_SUM);
        Transaction stored = usage("u-1", 300);
        ledger.record(stored);
        proxy.loseReplyTo(PUT_ITEM);

        assertEquals(RecordOutcome.DUPLICATE, ledger.record(usage("u-1", 700)),
                "an earlier call stored this key");

        assertEquals(1, proxy.lostReplies());
        assertEquals(-300, ledger.balanceMicros(ANN));
        assertEquals(List.of(stored), rows(ledger));
    }

    /**
     * Two ledgers (two processes) race 40 admissions for credit for ten through the proxy,
     * which loses the responses to the first three UpdateItems and the first two PutItems. The
     * first UpdateItem is always a commit, since every write commits before it clears. The
     * running balance is ATOMIC: exactly ten are stored and reported admitted.
     */
    @Test
    void concurrentAdmissions_lostResponses_spendOnce() throws Exception {
        DynamoDbLedger first = openThroughProxy(BalanceDesign.RUNNING_BALANCE);
        DynamoDbLedger second = openThroughProxy(BalanceDesign.RUNNING_BALANCE);
        assertEquals(AdmissionGuarantee.ATOMIC, first.admissionGuarantee());
        long cost = 25_000;
        first.record(Transaction.credit("c-1", ANN, T0, 10 * cost));
        for (int i = 0; i < 3; i++) {
            proxy.loseReplyTo(UPDATE_ITEM);
        }
        proxy.loseReplyTo(PUT_ITEM);
        proxy.loseReplyTo(PUT_ITEM);

        List<Transaction> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(usage("r-" + i, cost));
        }

        int admitted = AdmissionRace.admitted(first, second, requests, Duration.ofMinutes(5));

        assertEquals(5, proxy.lostReplies());
        assertEquals(10, admitted, "admissions reported");
        assertEquals(0, second.balanceMicros(ANN));
        List<Transaction> stored = rows(second);
        assertEquals(11, stored.size(), "the credit and ten admissions");
        assertEquals(0, stored.stream().mapToLong(Transaction::balanceDeltaMicros).sum());
    }

    /**
     * A client failure that is not caused by I/O, here credentials that can no longer be
     * loaded, fails the call at its first attempt. No retry can fix it, and it sent nothing.
     */
    @Test
    void credentialsFailure_isNotRetried() {
        AtomicBoolean credentialsLost = new AtomicBoolean();
        AwsCredentialsProvider credentials = () -> {
            if (credentialsLost.get()) {
                throw SdkClientException.create("Unable to load credentials from any provider");
            }
            return DynaliteTables.DUMMY_CREDENTIALS.resolveCredentials();
        };
        DynamoDbLedger ledger = DynaliteTables.ledger(DYNALITE.endpoint(),
                        BalanceDesign.RUNNING_BALANCE, DYNALITE.table())
                .credentials(credentials)
                .retryPolicy(RetryPolicy.builder().sleeper(delay -> { }).uniform(() -> 0.5)
                        .build())
                .build();
        ledgers.add(ledger);
        ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
        long retriesBefore = ledger.metrics().retries();
        credentialsLost.set(true);

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                () -> ledger.admit(usage("u-1", 400)));

        assertTrue(error.getMessage().contains(ANN), error.getMessage());
        assertEquals(0, ledger.metrics().retries() - retriesBefore, "retries");
        credentialsLost.set(false);
        assertEquals(1_000, ledger.balanceMicros(ANN));
    }

    /**
     * The response to the start's first DescribeTable is lost. The call is retried under the
     * ledger's policy like any other, so the ledger starts and works.
     */
    @Test
    void lostDescribeTableReply_ledgerStarts() {
        proxy.loseReplyTo("DynamoDB_20120810.DescribeTable");

        DynamoDbLedger ledger = openThroughProxy(BalanceDesign.RUNNING_BALANCE);

        assertEquals(1, proxy.lostReplies(), "lost replies");
        assertEquals(1, ledger.metrics().retries(), "retries");
        assertEquals(RecordOutcome.RECORDED,
                ledger.record(Transaction.credit("c-1", ANN, T0, 1_000)));
        assertEquals(1_000, ledger.balanceMicros(ANN));
    }
}
