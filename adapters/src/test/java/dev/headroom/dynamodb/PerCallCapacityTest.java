package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The calls and capacity units of one ledger call against dynalite, for each balance design:
 * the figures that the simulator's DynamoDB model charges per append and per balance read.
 */
class PerCallCapacityTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final String EMAIL = "user-0004217@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private DynamoDbLedger open(BalanceDesign design) {
        return DYNALITE.ledger(design, "percall").build();
    }

    /** Returns a usage row as the proxy logs it: a UUID id, a model name and token counts. */
    private static Transaction usage(int i) {
        return new Transaction("3f1c9a52-7d4e-4b8a-9e21-" + String.format("%012d", i), EMAIL,
                T0.plusSeconds(60L * i), TransactionKind.USAGE, "claude-3-5-sonnet-20241022",
                1_850, 420, 11_850, 6_400);
    }

    /** Calls and units that one ledger call adds to the meter. */
    private record Charge(long readCalls, long readHalfUnits, long writeCalls, double writeUnits) {

        static Charge of(CapacityMeter meter, Runnable call) {
            long readCalls = meter.readCalls();
            long readHalfUnits = meter.readHalfUnits();
            long writeCalls = meter.writeCalls();
            double writeUnits = meter.writeUnits();
            call.run();
            return new Charge(meter.readCalls() - readCalls,
                    meter.readHalfUnits() - readHalfUnits, meter.writeCalls() - writeCalls,
                    meter.writeUnits() - writeUnits);
        }
    }

    @Test
    void usageItem_underOneKilobyte() {
        LedgerItems items = new LedgerItems(Clock.fixed(T0, ZoneOffset.UTC));
        long logBytes = CapacityUnits.itemBytes(items.logItem(usage(1), 0));
        long runningLogBytes = CapacityUnits.itemBytes(items.logItem(usage(1), 123));

        assertTrue(logBytes < 400, "log item of " + logBytes + " bytes");
        assertEquals(logBytes + 6, runningLogBytes, "seq adds its name and a 3-digit number");
        assertEquals(1, CapacityUnits.writeUnits(logBytes, WriteMode.STANDARD));
    }

    @Test
    void committingBalanceItem_carriesLogItem() {
        LedgerItems items = new LedgerItems(Clock.fixed(T0, ZoneOffset.UTC));
        Map<String, AttributeValue> logItem = items.logItem(usage(1), 2);
        Map<String, AttributeValue> settled = new HashMap<>(
                LedgerItems.key(EMAIL, LedgerItems.BALANCE_SORT_KEY));
        settled.put(RunningBalance.BALANCE, LedgerItems.number(-11_850));
        settled.put(RunningBalance.SEQUENCE, LedgerItems.number(2));
        Map<String, AttributeValue> committing = new HashMap<>(settled);
        committing.put(RunningBalance.PENDING_SORT_KEY, logItem.get(LedgerItems.SORT_KEY));
        committing.put(RunningBalance.PENDING_ITEM, AttributeValue.fromM(logItem));

        long settledBytes = CapacityUnits.itemBytes(settled);
        long committingBytes = CapacityUnits.itemBytes(committing);

        assertTrue(settledBytes < 100, "settled balance item of " + settledBytes + " bytes");
        assertTrue(committingBytes > CapacityUnits.itemBytes(logItem),
                "the pending copy makes the balance item larger than the log item");
        assertEquals(1, CapacityUnits.writeUnits(committingBytes, WriteMode.STANDARD));
    }

    @Test
    void querySum_appendAndBalanceRead() {
        try (DynamoDbLedger ledger = open(BalanceDesign.QUERY_SUM)) {
            ledger.record(Transaction.credit("c-0", EMAIL, T0, 5_000_000));

            Charge append = Charge.of(ledger.capacity(), () -> ledger.record(usage(1)));
            Charge read = Charge.of(ledger.capacity(), () -> ledger.balanceMicros(EMAIL));

            assertEquals(new Charge(0, 0, 1, 1.0), append);
            assertEquals(new Charge(1, 2, 0, 0.0), read);
        }
    }

    @Test
    void runningBalance_appendAndBalanceRead() {
        try (DynamoDbLedger ledger = open(BalanceDesign.RUNNING_BALANCE)) {
            Charge first = Charge.of(ledger.capacity(),
                    () -> ledger.record(Transaction.credit("c-0", EMAIL, T0, 5_000_000)));
            Charge append = Charge.of(ledger.capacity(), () -> ledger.record(usage(1)));
            Charge read = Charge.of(ledger.capacity(), () -> ledger.balanceMicros(EMAIL));

            // GetItem of the balance item and of the log item's key (missing: still one
            // 4 KB block), then the commit, the log item and the clearing of the pending copy.
            assertEquals(new Charge(2, 4, 3, 3.0), first);
            assertEquals(new Charge(2, 4, 3, 3.0), append);
            assertEquals(new Charge(1, 2, 0, 0.0), read);
        }
    }
}
