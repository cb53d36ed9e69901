package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.sheets.LoopbackProxy.AppendFault;
import dev.headroom.testing.LogCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchivingSheetsLedgerTest {

    private static final String ANN = "ann@example.com";

    private static List<Transaction> history() {
        List<Transaction> rows = new ArrayList<>();
        rows.add(Transaction.credit("c-jan", ANN, Instant.parse("2026-01-05T08:00:00Z"), 9_000));
        rows.add(usage("u-jan", Instant.parse("2026-01-20T08:00:00Z"), 1_250));
        rows.add(usage("u-feb", Instant.parse("2026-02-10T08:00:00Z"), 333));
        rows.add(usage("u-mar", Instant.parse("2026-03-02T08:00:00Z"), 17));
        return rows;
    }

    private static Transaction usage(String id, Instant at, long micros) {
        return new Transaction(id, ANN, at, TransactionKind.USAGE, "=SUM(A:A)", 10, 20, micros,
                300);
    }

    @Test
    void archiveKeepsBalanceAndRows() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            String live = emulator.newWorkbook();
            ArchivingSheetsLedger ledger = new ArchivingSheetsLedger(emulator.connection(), live,
                    emulator.settings());
            history().forEach(ledger::record);
            long balance = ledger.balanceMicros(ANN);

            long moved = ledger.archive(Instant.parse("2026-03-01T00:00:00Z"));

            assertEquals(3, moved);
            assertEquals(9_000 - 1_250 - 333 - 17, balance);
            assertEquals(balance, ledger.balanceMicros(ANN));
            assertEquals(history(), ledger.transactions(ANN, Instant.MIN, Instant.MAX));
            List<List<Object>> liveRows = emulator.values(live,
                    A1.columns(TabTitles.forEmail(ANN), "H"));
            assertEquals(2, liveRows.size(), "header and the March row: " + liveRows);
            assertEquals("u-mar", liveRows.get(1).get(0));
            assertEquals("=SUM(A:A)", liveRows.get(1).get(3), "RAW text, never a formula");
            List<List<Object>> index = emulator.values(live,
                    A1.columns(ArchiveStore.INDEX_TAB, "B"));
            assertEquals(3, index.size(), "header, January and February: " + index);
        }
    }

    @Test
    void countUsers_everyRowArchived_countsUser() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            String live = emulator.newWorkbook();
            ArchivingSheetsLedger ledger = new ArchivingSheetsLedger(emulator.connection(), live,
                    emulator.settings());
            history().forEach(ledger::record);

            ledger.archive(Instant.parse("2026-04-01T00:00:00Z"));

            assertEquals(List.of(List.of("transaction_id", "timestamp")),
                    emulator.values(live, A1.columns(TabTitles.forEmail(ANN), "B")),
                    "the live tab contains only its header");
            assertEquals(1, ledger.countUsers());
            try (ArchivingSheetsLedger reader = new ArchivingSheetsLedger(emulator.connection(),
                    live, emulator.settings())) {
                assertEquals(1, reader.countUsers());
            }
        }
    }

    @Test
    void archiveRepeatedMovesNothing() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            ArchivingSheetsLedger ledger = new ArchivingSheetsLedger(emulator.connection(),
                    emulator.newWorkbook(), emulator.settings());
            history().forEach(ledger::record);
            Instant cutoff = Instant.parse("2026-03-01T00:00:00Z");
            ledger.archive(cutoff);

            assertEquals(0, ledger.archive(cutoff));

            assertEquals(9_000 - 1_250 - 333 - 17, ledger.balanceMicros(ANN));
            assertEquals(4, ledger.transactions(ANN, Instant.MIN, Instant.MAX).size());
        }
    }

    @Test
    void rowAtCutoff_staysLive() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            ArchivingSheetsLedger ledger = new ArchivingSheetsLedger(emulator.connection(),
                    emulator.newWorkbook(), emulator.settings());
            history().forEach(ledger::record);

            // The cut-off is the February row's timestamp, and only rows before it move.
            long moved = ledger.archive(Instant.parse("2026-02-10T08:00:00Z"));

            assertEquals(2, moved);
            assertEquals(9_000 - 1_250 - 333 - 17, ledger.balanceMicros(ANN));
            assertEquals(history(), ledger.transactions(ANN, Instant.MIN, Instant.MAX));
        }
    }

    @Test
    void retryOfArchivedTransaction_isDuplicate() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            ArchivingSheetsLedger ledger = new ArchivingSheetsLedger(emulator.connection(),
                    emulator.newWorkbook(), emulator.settings());
            history().forEach(ledger::record);
            ledger.archive(Instant.parse("2026-03-01T00:00:00Z"));
            long balance = 9_000 - 1_250 - 333 - 17;

            assertEquals(RecordOutcome.DUPLICATE, ledger.record(history().get(0)));
            assertEquals(AdmissionOutcome.DUPLICATE, ledger.admit(history().get(1)));

            assertEquals(balance, ledger.balanceMicros(ANN));
            assertEquals(AdmissionOutcome.INSUFFICIENT_BALANCE,
                    ledger.admit(usage("u-big", Instant.parse("2026-03-03T08:00:00Z"),
                            balance + 1)));
            assertEquals(history(), ledger.transactions(ANN, Instant.MIN, Instant.MAX));
        }
    }

    @Test
    void freshLedgerReadsArchivedTotal() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            String live = emulator.newWorkbook();
            try (ArchivingSheetsLedger first = new ArchivingSheetsLedger(emulator.connection(),
                    live, emulator.settings())) {
                history().forEach(first::record);
                first.archive(Instant.parse("2026-03-01T00:00:00Z"));
            }

            try (ArchivingSheetsLedger second = new ArchivingSheetsLedger(emulator.connection(),
                    live, emulator.settings())) {
                assertEquals(9_000 - 1_250 - 333 - 17, second.balanceMicros(ANN));
                assertEquals(1, second.countUsers());
            }
        }
    }

    /**
     * The response to the first archive workbook's create is lost after the emulator created it,
     * so the retry creates a second one. The ledger must list and use only the second, and warn
     * with the title, so that the extra empty workbook can be found and deleted.
     */
    @Test
    void lostCreateResponse_warnsOfExtraWorkbook() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas();
                LoopbackProxy proxy = LoopbackProxy.start(emulator.rootUrl());
                LogCapture logs = LogCapture.start()) {
            String live = emulator.newWorkbook();
            ArchivingSheetsLedger ledger = new ArchivingSheetsLedger(
                    SheetsClients.emulator(proxy.rootUrl(), "proxy"), live, emulator.settings());
            history().forEach(ledger::record);
            proxy.planCreates(AppendFault.AFTER_FORWARDING);

            long moved = ledger.archive(Instant.parse("2026-03-01T00:00:00Z"));

            assertEquals(3, moved);
            assertEquals(3, proxy.forwardedCreates(), "January twice, then February");
            List<List<Object>> index = emulator.values(live,
                    A1.columns(ArchiveStore.INDEX_TAB, "B"));
            assertEquals(3, index.size(), "header, January and February: " + index);
            assertEquals(9_000 - 1_250 - 333 - 17, ledger.balanceMicros(ANN));
            assertEquals(history(), ledger.transactions(ANN, Instant.MIN, Instant.MAX));
            String januaryId = index.get(1).get(1).toString();
            List<String> warnings = januaryCreateWarnings(logs);
            assertEquals(1, warnings.size(), logs.lines(true).toString());
            assertTrue(warnings.get(0).contains(januaryId), warnings.get(0));
        }
    }

    /**
     * Every create of the first archive workbook loses its response after the emulator created
     * it, so the archive fails. A warning must name the title of the workbooks it created all
     * the same, as after a retry that succeeds.
     */
    @Test
    void everyCreateResponseLost_warnsOfExtraWorkbooks() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas();
                LoopbackProxy proxy = LoopbackProxy.start(emulator.rootUrl());
                LogCapture logs = LogCapture.start()) {
            String live = emulator.newWorkbook();
            ArchivingSheetsLedger ledger = new ArchivingSheetsLedger(
                    SheetsClients.emulator(proxy.rootUrl(), "proxy"), live, emulator.settings());
            history().forEach(ledger::record);
            AppendFault[] allLost = new AppendFault[100];
            Arrays.fill(allLost, AppendFault.AFTER_FORWARDING);
            proxy.planCreates(allLost);

            assertThrows(StoreUnavailableException.class,
                    () -> ledger.archive(Instant.parse("2026-03-01T00:00:00Z")));

            assertTrue(proxy.forwardedCreates() > 0, "creates reached the emulator");
            List<String> warnings = januaryCreateWarnings(logs);
            assertEquals(1, warnings.size(), logs.lines(true).toString());
            assertEquals(9_000 - 1_250 - 333 - 17, ledger.balanceMicros(ANN));
        }
    }

    /** Returns the warnings of the Sheets calls about the January archive workbook's create. */
    private static List<String> januaryCreateWarnings(LogCapture logs) {
        return logs.lines(true).stream()
                .filter(line -> line.startsWith("WARN " + SheetsCalls.class.getName()))
                .filter(line -> line.contains("Usage archive 2026-01"))
                .toList();
    }
}
