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
}
