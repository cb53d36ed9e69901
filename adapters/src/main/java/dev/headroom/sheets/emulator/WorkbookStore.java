package dev.headroom.sheets.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every workbook of one emulator, by spreadsheet id. Ids are handed out in order
 * ({@code emulated-000001}, ...), so a run with the same calls gets the same ids.
 */
final class WorkbookStore {

    private final Map<String, Workbook> workbooks = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();
    private final long cellLimit;

    WorkbookStore(long cellLimit) {
        this.cellLimit = cellLimit;
    }

    long cellLimit() {
        return cellLimit;
    }

    /** Adds a new workbook with the given title and tabs, and returns it. */
    Workbook add(String title, SheetLayout layout) {
        String id = String.format(Locale.ROOT, "emulated-%06d", created.incrementAndGet());
        Workbook workbook = new Workbook(id, title, layout);
        workbooks.put(id, workbook);
        return workbook;
    }

    /** Returns a workbook, or throws Google's 404 error when the id is unknown. */
    Workbook require(String spreadsheetId) {
        Workbook workbook = workbooks.get(spreadsheetId);
        if (workbook == null) {
            throw ApiException.notFound();
        }
        return workbook;
    }
}
