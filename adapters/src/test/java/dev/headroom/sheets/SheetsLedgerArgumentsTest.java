package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.routing.JumpHashRouter;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tests of the argument checks that the Sheets ledgers make when they are opened: a missing or
 * blank argument is rejected and named. The client points at loopback port 1 and is never
 * called.
 */
class SheetsLedgerArgumentsTest {

    private final SheetsConnection connection =
            SheetsClients.emulator(URI.create("http://127.0.0.1:1/"), null);
    private final SheetsLedgerSettings settings = SheetsLedgerSettings.defaults();

    private static void assertNames(Class<? extends Throwable> type, String argument,
            Executable open) {
        Throwable error = assertThrows(type, open);
        assertTrue(error.getMessage().contains(argument), error.getMessage());
    }

    @Test
    void singleWorkbook_badArguments_areNamed() {
        assertNames(NullPointerException.class, "spreadsheetId",
                () -> TabPerUserLedger.singleWorkbook(connection, null, settings));
        assertNames(IllegalArgumentException.class, "spreadsheetId",
                () -> TabPerUserLedger.singleWorkbook(connection, " ", settings));
        assertNames(NullPointerException.class, "connection",
                () -> TabPerUserLedger.singleWorkbook(null, "sheet-1", settings));
        assertNames(NullPointerException.class, "settings",
                () -> TabPerUserLedger.singleWorkbook(connection, "sheet-1", null));
    }

    @Test
    void sharded_badArguments_areNamed() {
        JumpHashRouter router = new JumpHashRouter(2);

        assertNames(NullPointerException.class, "spreadsheetIds",
                () -> TabPerUserLedger.sharded(connection, null, router, settings));
        assertNames(NullPointerException.class, "spreadsheetId", () -> TabPerUserLedger
                .sharded(connection, Arrays.asList("sheet-1", null), router, settings));
        assertNames(IllegalArgumentException.class, "spreadsheetId", () -> TabPerUserLedger
                .sharded(connection, List.of("sheet-1", ""), router, settings));
        assertNames(NullPointerException.class, "router", () -> TabPerUserLedger
                .sharded(connection, List.of("sheet-1", "sheet-2"), null, settings));
    }

    @Test
    void sharedLog_badArguments_areNamed() {
        assertNames(NullPointerException.class, "spreadsheetId",
                () -> new SharedLogLedger(connection, null, settings));
        assertNames(IllegalArgumentException.class, "spreadsheetId",
                () -> new SharedLogLedger(connection, "", settings));
        assertNames(NullPointerException.class, "connection",
                () -> new SharedLogLedger(null, "sheet-1", settings));
        assertNames(NullPointerException.class, "settings",
                () -> new SharedLogLedger(connection, "sheet-1", null));
    }

    @Test
    void archiving_badArguments_areNamed() {
        assertNames(NullPointerException.class, "spreadsheetId",
                () -> new ArchivingSheetsLedger(connection, null, settings));
        assertNames(IllegalArgumentException.class, "spreadsheetId",
                () -> new ArchivingSheetsLedger(connection, "\t", settings));
    }
}
