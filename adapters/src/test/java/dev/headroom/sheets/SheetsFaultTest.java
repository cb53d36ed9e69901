package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.sheets.LoopbackProxy.AppendFault;
import dev.headroom.testing.LogCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sheets ledgers under faults: appends whose response the loopback proxy loses after the
 * emulator stored the rows, and two ledger instances (two processes) sharing one workbook.
 */
class SheetsFaultTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";

    /** The two layouts whose appends go through a per-tab group commit. */
    enum Layout {
        TAB_PER_USER("'" + ANN + "'!A:A"),
        SHARED_LOG("'" + SharedLogLedger.LOG_TAB + "'!A:A");

        private final String idColumn;

        Layout(String idColumn) {
            this.idColumn = idColumn;
        }
    }

    private final EmulatorFixture emulator = EmulatorFixture.withHighQuotas();
    private final LoopbackProxy proxy = LoopbackProxy.start(emulator.rootUrl());
    private final String workbook = emulator.newWorkbook();

    @AfterEach
    void stop() {
        proxy.close();
        emulator.close();
    }

    /**
     * Opens a ledger through the proxy that makes two attempts per call, so that a planned
     * {@code BEFORE_FORWARDING, AFTER_FORWARDING} ends the call with an error although its
     * row is stored.
     */
    private UsageLedger openThroughProxy(Layout layout) {
        SheetsConnection connection = SheetsClients.emulator(proxy.rootUrl(), "proxy");
        RetryPolicy twoAttempts = RetryPolicy.builder().maxAttempts(2).sleeper(delay -> { })
                .uniform(() -> 0.5).build();
        SheetsLedgerSettings settings = emulator.settings().withRetryPolicy(twoAttempts);
        return layout == Layout.TAB_PER_USER
                ? TabPerUserLedger.singleWorkbook(connection, workbook, settings)
                : new SharedLogLedger(connection, workbook, settings);
    }

    private static Transaction usage(String id, long micros) {
        return new Transaction(id, ANN, T0, TransactionKind.USAGE, "gpt-4o-mini", 10, 20,
                micros, 5);
    }

    /** Returns the ids in the sheet's id column, header and duplicates included. */
    private List<String> idsInSheet(Layout layout) {
        List<String> ids = new ArrayList<>();
        for (List<Object> row : emulator.values(workbook, layout.idColumn)) {
            ids.add(row.isEmpty() ? "" : row.get(0).toString());
        }
        return ids;
    }

    /** Makes the next append fail twice, the second time after the emulator stored it. */
    private void loseStoredAppendAfterLastRetry() {
        proxy.planAppends(AppendFault.BEFORE_FORWARDING, AppendFault.AFTER_FORWARDING);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void lostResponseAfterLastRetry_callerRetry_storesOneRow(Layout layout) {
        try (UsageLedger ledger = openThroughProxy(layout)) {
            ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
            Transaction request = usage("u-1", 1_000);
            loseStoredAppendAfterLastRetry();

            assertThrows(StoreUnavailableException.class, () -> ledger.admit(request));
            AdmissionOutcome retry = ledger.admit(request);

            assertEquals(AdmissionOutcome.DUPLICATE, retry, "the first call stored the row");
            assertEquals(List.of("transaction_id", "c-1", "u-1"), idsInSheet(layout));
            assertEquals(0, ledger.balanceMicros(ANN));
            assertEquals(RecordOutcome.DUPLICATE, ledger.record(request));
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void lostResponseAfterLastRetry_laterAdmission_countsStoredDebit(Layout layout) {
        try (UsageLedger ledger = openThroughProxy(layout)) {
            ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
            loseStoredAppendAfterLastRetry();
            assertThrows(StoreUnavailableException.class,
                    () -> ledger.admit(usage("u-1", 1_000)));

            AdmissionOutcome next = ledger.admit(usage("u-2", 1));

            assertEquals(AdmissionOutcome.INSUFFICIENT_BALANCE, next,
                    "u-1 is stored and spent the credit");
            assertEquals(List.of("transaction_id", "c-1", "u-1"), idsInSheet(layout));
            assertEquals(0, ledger.balanceMicros(ANN));
        }
    }

    @Test
    void countUsers_failedFirstRow_excludesTabUntilStored() {
        try (UsageLedger ledger = openThroughProxy(Layout.TAB_PER_USER)) {
            Transaction credit = Transaction.credit("c-1", ANN, T0, 1_000);
            proxy.planAppends(AppendFault.NONE, AppendFault.BEFORE_FORWARDING,
                    AppendFault.BEFORE_FORWARDING);
            assertThrows(StoreUnavailableException.class, () -> ledger.record(credit));

            assertTrue(emulator.tabTitles(workbook).contains(ANN), "the tab was added");
            assertEquals(List.of("transaction_id"), idsInSheet(Layout.TAB_PER_USER));
            assertEquals(0, ledger.countUsers(), "the tab contains only its header");

            assertEquals(RecordOutcome.RECORDED, ledger.record(credit));
            assertEquals(1, ledger.countUsers());
        }
    }

    @Test
    void countUsers_failedHeader_countsRowInFirstRow() {
        try (UsageLedger ledger = openThroughProxy(Layout.TAB_PER_USER)) {
            Transaction credit = Transaction.credit("c-1", ANN, T0, 1_000);
            proxy.planAppends(AppendFault.BEFORE_FORWARDING, AppendFault.BEFORE_FORWARDING);
            assertThrows(StoreUnavailableException.class, () -> ledger.record(credit));

            assertTrue(emulator.tabTitles(workbook).contains(ANN), "the tab was added");
            assertEquals(List.of(), idsInSheet(Layout.TAB_PER_USER));
            assertEquals(0, ledger.countUsers(), "the tab is empty");

            assertEquals(RecordOutcome.RECORDED, ledger.record(credit));
            assertEquals(List.of("c-1"), idsInSheet(Layout.TAB_PER_USER));
            assertEquals(1, ledger.countUsers());
        }
    }

    @Test
    void countUsers_duplicatedHeader_readsWholeTab() {
        try (UsageLedger ledger = openThroughProxy(Layout.TAB_PER_USER)) {
            Transaction credit = Transaction.credit("c-1", ANN, T0, 1_000);
            proxy.planAppends(AppendFault.AFTER_FORWARDING, AppendFault.NONE,
                    AppendFault.BEFORE_FORWARDING, AppendFault.BEFORE_FORWARDING);
            assertThrows(StoreUnavailableException.class, () -> ledger.record(credit));

            assertEquals(List.of("transaction_id", "transaction_id"),
                    idsInSheet(Layout.TAB_PER_USER));
            assertEquals(0, ledger.countUsers(), "the tab contains only headers");

            assertEquals(RecordOutcome.RECORDED, ledger.record(credit));
            long before = ledger.metrics().calls();
            assertEquals(1, ledger.countUsers());
            assertEquals(3, ledger.metrics().calls() - before,
                    "the titles, the first rows, then the whole tab");
        }
    }

    @Test
    void retriedAppend_logsTransactionIds() {
        try (LogCapture logs = LogCapture.start();
                UsageLedger ledger = openThroughProxy(Layout.TAB_PER_USER)) {
            ledger.record(Transaction.credit("c-1", ANN, T0, 1_000));
            proxy.planAppends(AppendFault.AFTER_FORWARDING);

            assertEquals(AdmissionOutcome.ADMITTED, ledger.admit(usage("u-77", 10)));

            List<String> retries = logs.lines(true).stream()
                    .filter(line -> line.contains("Retrying values.append")).toList();
            assertEquals(1, retries.size(), logs.lines().toString());
            assertTrue(retries.get(0).contains("u-77"), retries.get(0));
            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("Re-read tab")
                    && line.contains("0 of 1 rows absent")), logs.lines().toString());
        }
    }

    /**
     * Two processes append the same transaction when the second one's cached rows predate the
     * first one's append. A reader that opens later counts and lists the id once.
     */
    @Test
    void sameIdFromTwoProcesses_countsOnce() {
        SheetsConnection connection = emulator.connection();
        Transaction credit = Transaction.credit("c-1", ANN, T0, 1_000);
        try (TabPerUserLedger first = TabPerUserLedger.singleWorkbook(connection, workbook,
                        emulator.settings());
                TabPerUserLedger second = TabPerUserLedger.singleWorkbook(connection, workbook,
                        emulator.settings())) {
            assertEquals(0, second.balanceMicros(ANN));
            first.record(credit);

            assertEquals(RecordOutcome.RECORDED, second.record(credit), "its rows are cached");
            assertEquals(List.of("c-1", "c-1"),
                    idsInSheet(Layout.TAB_PER_USER).stream().filter("c-1"::equals).toList());
        }

        try (TabPerUserLedger reader = TabPerUserLedger.singleWorkbook(connection, workbook,
                emulator.settings())) {
            assertEquals(1_000, reader.balanceMicros(ANN));
            assertEquals(List.of(credit), reader.transactions(ANN, Instant.MIN, Instant.MAX));
        }
    }

    /**
     * Two ledger instances on one workbook stand for two proxy processes. Each admits against
     * the balance it read and does not see the other's rows within the cache lifetime, so each
     * can spend the whole balance. The documented bound is (P - 1) times the balance read, here
     * ten requests of overspend.
     */
    @Test
    void twoProcesses_eachSpendTheBalanceTheyRead() {
        SheetsConnection connection = emulator.connection();
        try (TabPerUserLedger first = TabPerUserLedger.singleWorkbook(connection, workbook,
                        emulator.settings());
                TabPerUserLedger second = TabPerUserLedger.singleWorkbook(connection, workbook,
                        emulator.settings())) {
            long balance = 1_000;
            long cost = 100;
            first.record(Transaction.credit("c-1", ANN, T0, balance));
            assertEquals(balance, second.balanceMicros(ANN));

            int admitted = 0;
            for (int i = 0; i < 15; i++) {
                for (TabPerUserLedger process : List.of(first, second)) {
                    Transaction request = usage(process == first ? "a-" + i : "b-" + i, cost);
                    if (process.admit(request) == AdmissionOutcome.ADMITTED) {
                        admitted++;
                    }
                }
            }

            int processes = 2;
            assertTrue(admitted * cost <= processes * balance,
                    "admitted " + admitted + " requests of " + cost);
            assertEquals(20, admitted, "each process spent the balance it read");
            assertEquals(balance - admitted * cost,
                    TabPerUserLedger.singleWorkbook(connection, workbook, emulator.settings())
                            .balanceMicros(ANN));
        }
    }
}
