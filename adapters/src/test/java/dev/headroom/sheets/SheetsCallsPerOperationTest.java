package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Sheets requests of one call of the tab-per-user ledger: the figures that the simulator's
 * Sheets model charges against the per-minute quotas for a sign-up, an append and a balance
 * read.
 */
class SheetsCallsPerOperationTest {

    private static final String EMAIL = "user-0004217@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final long PAST_CACHE_MILLIS =
            SheetsLedgerSettings.DEFAULT_CACHE_TTL.toMillis() + 1;

    private EmulatorFixture emulator;
    private TabPerUserLedger ledger;

    @BeforeEach
    void open() {
        emulator = EmulatorFixture.withHighQuotas();
        ledger = TabPerUserLedger.singleWorkbook(emulator.connection(), emulator.newWorkbook(),
                emulator.settings());
    }

    @AfterEach
    void close() {
        ledger.close();
        emulator.close();
    }

    private long callsOf(Runnable call) {
        long before = ledger.metrics().calls();
        call.run();
        return ledger.metrics().calls() - before;
    }

    private static Transaction usage(int i) {
        return new Transaction("u-" + i, EMAIL, T0.plusSeconds(i), TransactionKind.USAGE,
                "claude-3-5-sonnet-20241022", 1_850, 420, 11_850, 6_400);
    }

    @Test
    void firstRow_addsTabAndHeader() {
        long calls = callsOf(() -> ledger.record(Transaction.credit("c-0", EMAIL, T0, 5_000_000)));

        // Two reads of the tab list (the lookup, then the check before the add) and three
        // writes: the added tab, its header row and the row itself.
        assertEquals(5, calls);
    }

    @Test
    void append_readsOnlyWhenCacheStale() {
        ledger.record(Transaction.credit("c-0", EMAIL, T0, 5_000_000));

        long fresh = callsOf(() -> ledger.record(usage(1)));
        emulator.advanceMillis(PAST_CACHE_MILLIS);
        long stale = callsOf(() -> ledger.record(usage(2)));

        assertEquals(1, fresh);
        assertEquals(2, stale);
    }

    @Test
    void balanceRead_readsOnlyWhenCacheStale() {
        ledger.record(Transaction.credit("c-0", EMAIL, T0, 5_000_000));

        long fresh = callsOf(() -> ledger.balanceMicros(EMAIL));
        emulator.advanceMillis(PAST_CACHE_MILLIS);
        long stale = callsOf(() -> ledger.balanceMicros(EMAIL));

        assertEquals(0, fresh);
        assertEquals(1, stale);
    }

    @Test
    void countUsers_readsTitlesAndFirstRows() {
        long empty = callsOf(() -> ledger.countUsers());
        ledger.record(Transaction.credit("c-0", EMAIL, T0, 5_000_000));
        ledger.record(Transaction.credit("c-1", "other-user@example.com", T0, 5_000_000));

        long withUsers = callsOf(() -> assertEquals(2, ledger.countUsers()));

        assertEquals(1, empty, "a workbook without user tabs needs no batchGet");
        assertEquals(2, withUsers, "the titles, then one batchGet over both tabs");
    }

    /**
     * Hundreds of user tabs with long titles: their first rows are read in one batchGet, whose
     * URL is long enough for the client to send it as a POST, and empty tabs do not count.
     */
    @Test
    void countUsers_manyTabs_oneBatchGet() {
        int users = 200;
        int emptyTabs = 20;
        String domain = "@" + "x".repeat(60) + ".example.com";
        TabPerUserLedger large = TabPerUserLedger.singleWorkbook(emulator.connection(),
                emulator.newWorkbook(), emulator.settings().withoutTabGuard());
        for (int i = 0; i < users; i++) {
            String email = String.format("user-%05d%s", i, domain);
            large.record(Transaction.credit("c-" + i, email, T0, 1_000));
        }
        String workbook = large.workbooks().get(0).spreadsheetId();
        for (int i = 0; i < emptyTabs; i++) {
            emulator.addTab(workbook, String.format("empty-%05d%s", i, domain), 1000, 26);
        }

        long before = large.metrics().calls();
        assertEquals(users, large.countUsers());
        long calls = large.metrics().calls() - before;

        assertEquals(2, calls, "the titles, then one batchGet over all user tabs");
        large.close();
    }
}
