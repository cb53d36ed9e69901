package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests of a Sheets ledger whose emulator stops while the ledger is open. */
class SheetsOutageTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANN = "ann@example.com";

    @Test
    void stoppedEmulator_isStoreUnavailableAfterRetries() {
        EmulatorFixture emulator = EmulatorFixture.withHighQuotas();
        TabPerUserLedger ledger = TabPerUserLedger.singleWorkbook(emulator.connection(),
                emulator.newWorkbook(), emulator.settings());
        assertEquals(RecordOutcome.RECORDED,
                ledger.record(Transaction.credit("c-1", ANN, T0, 500)));
        long retriesBefore = ledger.metrics().retries();

        emulator.close();

        StoreUnavailableException record = assertThrows(StoreUnavailableException.class,
                () -> ledger.record(Transaction.credit("c-2", ANN, T0, 700)));
        assertTrue(record.getMessage().contains("Connection refused"), record.getMessage());
        assertTrue(ledger.metrics().retries() > retriesBefore, "no retry was made");
        StoreUnavailableException listing = assertThrows(StoreUnavailableException.class,
                () -> ledger.transactions(ANN, Instant.MIN, Instant.MAX));
        assertTrue(listing.getMessage().contains("failed after 8 attempts"),
                listing.getMessage());
        ledger.close();
    }
}
