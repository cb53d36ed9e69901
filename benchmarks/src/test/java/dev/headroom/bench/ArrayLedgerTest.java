package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArrayLedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANA = "ana@example.com";
    private static final String BO = "bo@example.com";

    private static Transaction usage(String id, String email, Instant at, long micros) {
        return new Transaction(id, email, at, TransactionKind.USAGE, "gpt-4o-mini", 10, 20,
                micros, 30);
    }

    @Test
    void designs_agreeOnBalance() {
        ArrayLedger ledger = new ArrayLedger();
        long expected = 0;
        for (int i = 0; i < 1_000; i++) {
            Transaction row = i % 40 == 0
                    ? Transaction.credit("c" + i, ANA, T0.plusSeconds(i), 5_000_000)
                    : usage("u" + i, ANA, T0.plusSeconds(i), 100 + i);
            ledger.record(row);
            ledger.record(usage("o" + i, BO, T0.plusSeconds(i), 7));
            expected += row.balanceDeltaMicros();
        }

        ledger.snapshot(ANA, T0.plusSeconds(600));

        assertEquals(expected, ledger.sumAllRows(ANA));
        assertEquals(expected, ledger.runningBalance(ANA));
        assertEquals(expected, ledger.snapshotPlusRecent(ANA));
        assertEquals(-7_000, ledger.snapshotPlusRecent(BO));
    }

    @Test
    void snapshot_countsRowAtCutoffAsRecent() {
        ArrayLedger ledger = new ArrayLedger();
        ledger.record(Transaction.credit("c1", ANA, T0, 1_000));
        ledger.record(usage("u1", ANA, T0.plusNanos(1), 10));
        ledger.record(usage("u2", ANA, T0.plusNanos(1), 20));
        ledger.record(usage("u3", ANA, T0.plusNanos(2), 300));

        ledger.snapshot(ANA, T0.plusNanos(1));
        ledger.record(usage("u4", ANA, T0.plusSeconds(1), 4));

        assertEquals(1_000 - 334, ledger.snapshotPlusRecent(ANA));
        assertEquals(1_000 - 334, ledger.runningBalance(ANA));
    }

    @Test
    void unknownUser_readsZero() {
        ArrayLedger ledger = new ArrayLedger();
        ledger.record(Transaction.credit("c1", ANA, T0, 1_000));

        assertEquals(0, ledger.sumAllRows(BO));
        assertEquals(0, ledger.runningBalance(BO));
        assertEquals(0, ledger.snapshotPlusRecent(BO));
        assertThrows(IllegalArgumentException.class, () -> ledger.snapshot(BO, T0));
    }

    @Test
    void record_rejectsRowOlderThanLast() {
        ArrayLedger ledger = new ArrayLedger();
        ledger.record(Transaction.credit("c1", ANA, T0, 1_000));
        ledger.record(Transaction.credit("c2", BO, T0.minusSeconds(5), 1_000));

        assertThrows(IllegalArgumentException.class,
                () -> ledger.record(usage("u1", ANA, T0.minusNanos(1), 10)));
        assertEquals(1_000, ledger.runningBalance(ANA));
    }
}
