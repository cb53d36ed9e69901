package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.CapacityReachedException;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sheets limits met through the real client: the tab guard, the cell budget and the quota. */
class SheetsLimitsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static Transaction credit(String id, String email) {
        return Transaction.credit(id, email, T0, 1_000);
    }

    @Test
    void cellAboveCharacterLimit_addsNoTab() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            String workbook = emulator.newWorkbook();
            TabPerUserLedger ledger = TabPerUserLedger.singleWorkbook(emulator.connection(),
                    workbook, emulator.settings());
            List<String> tabsBefore = emulator.tabTitles(workbook);
            Transaction tooLong = new Transaction("u-1", "new@example.com", T0,
                    TransactionKind.USAGE, "m".repeat(50_001), 1, 1, 1, 1);

            InvalidInputException record =
                    assertThrows(InvalidInputException.class, () -> ledger.record(tooLong));

            assertEquals(tabsBefore, emulator.tabTitles(workbook));
            assertEquals(0, ledger.countUsers());
            assertTrue(record.getMessage().contains("model"), record.getMessage());
            assertTrue(record.getMessage().contains("50000 characters"), record.getMessage());
        }
    }

    @Test
    void tabGuardRejects201stTab() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            String workbook = emulator.newWorkbook();
            TabPerUserLedger ledger = TabPerUserLedger.singleWorkbook(emulator.connection(),
                    workbook, emulator.settings());
            int defaultTabs = emulator.tabTitles(workbook).size();
            int users = 200 - defaultTabs;
            for (int i = 0; i < users; i++) {
                ledger.record(credit("c-" + i, "user" + i + "@example.com"));
            }

            CapacityReachedException error = assertThrows(CapacityReachedException.class,
                    () -> ledger.record(credit("c-last", "late@example.com")));

            assertEquals(CapacityReachedException.Limit.TABS, error.limit());
            assertTrue(error.getMessage().contains("SHEET_LIMIT_REACHED"), error.getMessage());
            assertEquals(200, emulator.tabTitles(workbook).size());
            assertEquals(users, ledger.countUsers());
        }
    }

    @Test
    void cellBudgetStopsAddSheet() {
        long defaultGrid = 1_000L * 26;
        try (EmulatorFixture emulator = EmulatorFixture.withCellLimit(3 * defaultGrid)) {
            String workbook = emulator.newWorkbook();
            TabPerUserLedger ledger = TabPerUserLedger.singleWorkbook(emulator.connection(),
                    workbook, emulator.settings().withoutTabGuard());
            ledger.record(credit("c-1", "ann@example.com"));
            ledger.record(credit("c-2", "bob@example.com"));

            CapacityReachedException error = assertThrows(CapacityReachedException.class,
                    () -> ledger.record(credit("c-3", "cid@example.com")));

            assertEquals(CapacityReachedException.Limit.CELLS, error.limit());
            assertTrue(error.getMessage().contains("above the limit of"), error.getMessage());
            assertEquals(2, ledger.countUsers());
        }
    }

    @Test
    void cellBudgetStopsAppend() {
        long defaultGrid = 1_000L * 26;
        try (EmulatorFixture emulator = EmulatorFixture.withCellLimit(defaultGrid + 3 * 26)) {
            String workbook = emulator.newWorkbook();
            emulator.addTab(workbook, SharedLogLedger.LOG_TAB, 3, 26);
            SharedLogLedger ledger = new SharedLogLedger(emulator.connection(), workbook,
                    emulator.settings().withoutTabGuard());
            for (int i = 0; i < 3; i++) {
                assertEquals(RecordOutcome.RECORDED, ledger.record(credit("c-" + i, "a@x.io")));
            }

            CapacityReachedException error = assertThrows(CapacityReachedException.class,
                    () -> ledger.record(credit("c-3", "a@x.io")));

            assertEquals(CapacityReachedException.Limit.CELLS, error.limit());
            assertEquals(3_000, ledger.balanceMicros("a@x.io"));
        }
    }

    @Test
    void quotaThrottlesThenSucceedsOnce() {
        try (EmulatorFixture emulator = EmulatorFixture.withGoogleQuotas()) {
            String workbook = emulator.newWorkbook();
            TabPerUserLedger ledger = TabPerUserLedger.singleWorkbook(emulator.connection(),
                    workbook, emulator.settings());
            int records = 150;
            for (int i = 0; i < records; i++) {
                assertEquals(RecordOutcome.RECORDED,
                        ledger.record(credit("c-" + i, "ann@example.com")), "c-" + i);
            }

            assertTrue(ledger.metrics().throttles() > 0, "throttles");
            assertTrue(ledger.metrics().retries() >= ledger.metrics().throttles(), "retries");
            assertTrue(emulator.nowMillis() >= 60_000, "the emulator clock passed a minute");
            List<List<Object>> rows = emulator.values(workbook,
                    A1.columns(TabTitles.forEmail("ann@example.com"), "H"));
            Set<String> ids = new HashSet<>();
            for (List<Object> row : rows.subList(1, rows.size())) {
                assertTrue(ids.add(row.get(0).toString()), "duplicate row " + row.get(0));
            }
            assertEquals(records, ids.size());
            assertEquals(records * 1_000L, ledger.balanceMicros("ann@example.com"));
        }
    }
}
