package dev.headroom.sheets.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WorkbookStoreTest {

    @Test
    void add_arabicDefaultLocale_asciiId() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-SA"));
            WorkbookStore store = new WorkbookStore(10_000_000);
            Workbook workbook = store.add("ledger", new SheetLayout(store.cellLimit()));
            assertEquals("emulated-000001", workbook.spreadsheetId());
        } finally {
            Locale.setDefault(before);
        }
    }
}
