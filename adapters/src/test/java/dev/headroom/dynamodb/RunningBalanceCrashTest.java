package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A process that dies between the running-balance commit and the log-item write, simulated by
 * a hook that throws right after the commit, must leave a ledger that later calls repair to
 * the exact state.
 */
class RunningBalanceCrashTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final String EMAIL = "ann@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final AtomicBoolean crashArmed = new AtomicBoolean();
    private String table;
    private DynamoDbLedger crashing;
    private DynamoDbLedger restarted;

    /** Thrown by the hook to stop a write the way a process crash would. */
    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash after the balance commit");
        }
    }

    @BeforeEach
    void openLedgers() {
        table = DYNALITE.newTable("crash");
        crashing = DynaliteTables.ledger(DYNALITE.endpoint(), BalanceDesign.RUNNING_BALANCE, table)
                .afterCommit(() -> {
                    if (crashArmed.getAndSet(false)) {
                        throw new SimulatedCrash();
                    }
                })
                .build();
        restarted = DynaliteTables.ledger(DYNALITE.endpoint(), BalanceDesign.RUNNING_BALANCE,
                table).build();
        crashing.record(Transaction.credit("c-1", EMAIL, T0, 100));
    }

    @AfterEach
    void closeLedgers() {
        crashing.close();
        restarted.close();
    }

    private static Transaction usage(String id, Instant at, long micros) {
        return new Transaction(id, EMAIL, at, TransactionKind.USAGE, "gpt-4o-mini",
                100, 200, micros, 800);
    }

    private Transaction crashWhileRecording(Transaction row) {
        crashArmed.set(true);
        assertThrows(SimulatedCrash.class, () -> crashing.record(row));
        return row;
    }

    private boolean logItemStored(Transaction row) {
        try (DynamoDbClient client = DynaliteTables.rawClient(DYNALITE.endpoint())) {
            Map<String, AttributeValue> item = client.getItem(builder -> builder
                    .tableName(table)
                    .key(LedgerItems.key(EMAIL, LedgerItems.logSortKey(row)))
                    .consistentRead(true)).item();
            return item != null && !item.isEmpty();
        }
    }

    @Test
    void crash_balanceAlreadyCountsCommit() {
        Transaction row = crashWhileRecording(usage("u-1", T0.plusSeconds(1), 30));

        assertFalse(logItemStored(row), "log item must be missing right after the crash");
        assertEquals(70, restarted.balanceMicros(EMAIL));
    }

    @Test
    void repair_writesMissingLogItemOnce() {
        Transaction row = crashWhileRecording(usage("u-1", T0.plusSeconds(1), 30));

        assertTrue(restarted.repair(EMAIL));
        assertFalse(restarted.repair(EMAIL));

        assertTrue(logItemStored(row));
        assertEquals(70, restarted.balanceMicros(EMAIL));
        assertEquals(2, restarted.transactions(EMAIL, Instant.MIN, Instant.MAX).size());
    }

    @Test
    void retryAfterCrash_isDuplicateAndExact() {
        Transaction row = crashWhileRecording(usage("u-1", T0.plusSeconds(1), 30));

        assertEquals(RecordOutcome.DUPLICATE, restarted.record(row));

        assertEquals(70, restarted.balanceMicros(EMAIL));
        assertTrue(logItemStored(row));
        assertFalse(restarted.repair(EMAIL));
    }

    @Test
    void nextWrite_finishesPendingFirst() {
        Transaction crashed = crashWhileRecording(usage("u-1", T0.plusSeconds(1), 30));
        Transaction next = usage("u-2", T0.plusSeconds(2), 5);

        assertEquals(RecordOutcome.RECORDED, restarted.record(next));

        assertEquals(65, restarted.balanceMicros(EMAIL));
        List<Transaction> rows = restarted.transactions(EMAIL, Instant.MIN, Instant.MAX);
        assertEquals(List.of("c-1", "u-1", "u-2"),
                rows.stream().map(Transaction::transactionId).toList());
        assertTrue(logItemStored(crashed));
    }

    @Test
    void listing_showsPendingTransaction() {
        crashWhileRecording(usage("u-1", T0.plusSeconds(1), 30));

        List<Transaction> rows = restarted.transactions(EMAIL, Instant.MIN, Instant.MAX);

        assertEquals(List.of("c-1", "u-1"), rows.stream().map(Transaction::transactionId).toList());
    }

    @Test
    void crashDuringAdmission_spendsCreditOnce() {
        crashArmed.set(true);
        Transaction request = usage("u-1", T0.plusSeconds(1), 100);
        assertThrows(SimulatedCrash.class, () -> crashing.admit(request));

        AdmissionOutcome retry = restarted.admit(request);
        AdmissionOutcome other = restarted.admit(usage("u-2", T0.plusSeconds(2), 1));

        assertEquals(AdmissionOutcome.DUPLICATE, retry);
        assertEquals(AdmissionOutcome.INSUFFICIENT_BALANCE, other);
        assertEquals(0, restarted.balanceMicros(EMAIL));
    }

    @Test
    void crashAfterLogWrite_repairKeepsOneRow() {
        Transaction row = crashWhileRecording(usage("u-1", T0.plusSeconds(1), 30));
        // The dead process may also have written the log item before it stopped.
        try (DynamoDbClient client = DynaliteTables.rawClient(DYNALITE.endpoint())) {
            Map<String, AttributeValue> balance = client.getItem(builder -> builder
                    .tableName(table)
                    .key(LedgerItems.key(EMAIL, LedgerItems.BALANCE_SORT_KEY))
                    .consistentRead(true)).item();
            client.putItem(builder -> builder.tableName(table)
                    .item(balance.get(RunningBalance.PENDING_ITEM).m()));
        }

        assertTrue(restarted.repair(EMAIL));

        assertTrue(logItemStored(row));
        assertEquals(70, restarted.balanceMicros(EMAIL));
        assertEquals(2, restarted.transactions(EMAIL, Instant.MIN, Instant.MAX).size());
    }
}
