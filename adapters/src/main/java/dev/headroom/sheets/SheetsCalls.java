package dev.headroom.sheets;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.ClearValuesRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.SpreadsheetProperties;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.metrics.MetricsRecorder;
import dev.headroom.retry.Retrier;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.retry.RetryableCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sheets API calls that the ledgers make, each retried under a {@link RetryPolicy}, counted
 * in the ledger's metrics and failing with the ledger's typed errors. Thread-safe.
 *
 * <p>Throttled calls (HTTP 429) and transient failures (5xx, lost connections) are retried. A
 * write whose failure may hide a success (a transient failure) is retried only after a check,
 * supplied by the caller, shows that the write did not take effect, so a retry never writes a
 * row twice. Values are written with {@code valueInputOption=RAW}, so Sheets stores text such as
 * {@code =SUM(A:A)} as text and never evaluates it as a formula.
 */
final class SheetsCalls {

    private static final Logger LOG = LoggerFactory.getLogger(SheetsCalls.class);
    private static final String RAW = "RAW";
    private static final String OVERWRITE = "OVERWRITE";

    private final Sheets sheets;
    private final PayloadMeter meter;
    private final MetricsRecorder metrics;
    private final Retrier retrier;

    SheetsCalls(SheetsConnection connection, RetryPolicy policy, MetricsRecorder metrics) {
        this.sheets = connection.sheets();
        this.meter = connection.meter();
        this.metrics = metrics;
        this.retrier = policy.retrier(GoogleErrors.INSTANCE, metrics);
    }

    /** Returns the titles of a workbook's tabs, in the workbook's order (one read request). */
    List<String> tabTitles(String spreadsheetId) {
        Spreadsheet spreadsheet = read("spreadsheets.get", spreadsheetId, () -> sheets
                .spreadsheets().get(spreadsheetId).setFields("sheets.properties").execute());
        List<String> titles = new ArrayList<>();
        if (spreadsheet.getSheets() != null) {
            for (Sheet sheet : spreadsheet.getSheets()) {
                titles.add(sheet.getProperties().getTitle());
            }
        }
        return titles;
    }

    /**
     * Adds a tab with only a title, so Sheets gives it the default grid (one write request).
     *
     * @param exists checks, before a retry after a transient failure, whether the tab exists
     */
    void addTab(String spreadsheetId, String title, BooleanSupplier exists) {
        Request addSheet = new Request().setAddSheet(
                new AddSheetRequest().setProperties(new SheetProperties().setTitle(title)));
        BatchUpdateSpreadsheetRequest body = new BatchUpdateSpreadsheetRequest()
                .setRequests(List.of(addSheet));
        write("addSheet", title, exists,
                () -> sheets.spreadsheets().batchUpdate(spreadsheetId, body).execute());
    }

    /**
     * Creates a workbook with one tab and returns its id (one write request, more if retried).
     *
     * <p>NOTE: a retry after a transient failure creates the workbook again, because the Sheets
     * API cannot look up a workbook by title (that takes the Drive API, which this adapter does
     * not use) and the server assigns the id. So a lost response leaves an extra empty workbook
     * with the same title in the credentials' Drive. Nothing lists or reads it. When a retry
     * succeeds, or the call fails after a failure that may hide a create, a warning names the
     * title so it can be deleted by hand.
     */
    String createWorkbook(String title, String firstTab) {
        Spreadsheet request = new Spreadsheet()
                .setProperties(new SpreadsheetProperties().setTitle(title))
                .setSheets(List.of(new Sheet().setProperties(
                        new SheetProperties().setTitle(firstTab))));
        AtomicBoolean mayHaveCreatedEarlier = new AtomicBoolean(false);
        Spreadsheet created;
        try {
            created = write("spreadsheets.create", title, () -> {
                mayHaveCreatedEarlier.set(true);
                return false;
            }, () -> sheets.spreadsheets().create(request).execute());
        } catch (RuntimeException e) {
            // The retrier wraps the last transient failure, which may hide a create of its own.
            if (mayHaveCreatedEarlier.get() || GoogleErrors.mayHaveApplied(e.getCause())) {
                LOG.warn("Creating a workbook titled '{}' failed after a failure that may hide a"
                        + " create. A workbook with that title that no index lists is empty and"
                        + " unused, so delete it", title);
            }
            throw e;
        }
        if (mayHaveCreatedEarlier.get()) {
            LOG.warn("Created workbook {} titled '{}' on a retry after a failure that may hide"
                    + " an earlier create. A workbook with that title and another id that no"
                    + " index lists is empty and unused, so delete it", created.getSpreadsheetId(),
                    title);
        }
        return created.getSpreadsheetId();
    }

    /** Reads the values of an A1 range; rows and trailing empty cells may be missing. */
    List<List<Object>> values(String spreadsheetId, String range) {
        ValueRange result = read("values.get", range,
                () -> sheets.spreadsheets().values().get(spreadsheetId, range).execute());
        return result.getValues() == null ? List.of() : result.getValues();
    }

    /**
     * Reads several A1 ranges of one workbook in one {@code values.batchGet} read request and
     * returns their values in the order of {@code ranges}, with an empty list for an empty
     * range. Sends nothing for an empty list. Google's Java client (google-api-client 2.7.2)
     * sends a URL longer than 2,048 characters as a POST with the ranges in the body, so
     * hundreds of ranges fit in one request.
     *
     * @throws StoreUnavailableException if the response does not contain one value range per
     *     requested range
     */
    List<List<List<Object>>> batchValues(String spreadsheetId, List<String> ranges) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        String described = ranges.size() == 1 ? ranges.get(0)
                : ranges.get(0) + " and " + (ranges.size() - 1) + " more ranges";
        BatchGetValuesResponse response = read("values.batchGet", described,
                () -> sheets.spreadsheets().values().batchGet(spreadsheetId)
                        .setRanges(ranges).execute());
        List<ValueRange> found = response.getValueRanges() == null
                ? List.of() : response.getValueRanges();
        if (found.size() != ranges.size()) {
            throw new StoreUnavailableException("values.batchGet of " + ranges.size()
                    + " ranges in workbook " + spreadsheetId + " returned " + found.size()
                    + " value ranges; retry the call", null);
        }
        List<List<List<Object>>> values = new ArrayList<>(ranges.size());
        for (ValueRange range : found) {
            values.add(range.getValues() == null ? List.of() : range.getValues());
        }
        return values;
    }

    /**
     * Appends rows after the table in {@code range}, written RAW, and retries the call
     * unconditionally: for rows such as a header, where a second copy is harmless (one write
     * request unless retried).
     */
    void append(String spreadsheetId, String range, List<List<Object>> rows) {
        append(spreadsheetId, range, rows, row -> row, row -> String.valueOf(row.get(0)),
                unsure -> unsure);
    }

    /** Maximum number of ids that {@link #describe} lists before it counts the rest. */
    private static final int IDS_NAMED = 10;

    /**
     * Returns the range and the ids of the items appended to it, such as
     * {@code 'ann@example.com'!A:H rows [u-1, u-2]}, naming at most ten ids.
     */
    static <T> String describe(String range, List<T> items, Function<T, String> idOf) {
        List<String> ids = new ArrayList<>();
        for (T item : items.subList(0, Math.min(IDS_NAMED, items.size()))) {
            ids.add(idOf.apply(item));
        }
        String more = items.size() > IDS_NAMED
                ? " and " + (items.size() - IDS_NAMED) + " more" : "";
        return range + " rows " + ids + more;
    }

    /**
     * Appends the rows of {@code items} after the table in {@code range}, written RAW, in one
     * write request unless retried. Sheets applies the rows of one append atomically.
     *
     * <p>After a failure that may hide a success, the next attempt first passes the items it
     * would send to {@code absentAfterFailure}, which reads the tab again and returns the items
     * still missing, and sends only those; an empty list ends the call as a success.
     *
     * @param encode converts an item to its row of cells
     * @param idOf returns an item's id, such as its transaction id, which the logs of retries
     *     and the errors name
     */
    <T> void append(String spreadsheetId, String range, List<T> items,
            Function<T, List<Object>> encode, Function<T, String> idOf,
            UnaryOperator<List<T>> absentAfterFailure) {
        AtomicReference<List<T>> remaining = new AtomicReference<>(List.copyOf(items));
        AtomicBoolean uncertain = new AtomicBoolean(false);
        retrier.execute("values.append", describe(range, items, idOf), () -> {
            if (uncertain.get()) {
                remaining.set(List.copyOf(absentAfterFailure.apply(remaining.get())));
                if (remaining.get().isEmpty()) {
                    return null;
                }
            }
            List<List<Object>> rows = new ArrayList<>(remaining.get().size());
            for (T item : remaining.get()) {
                rows.add(encode.apply(item));
            }
            ValueRange body = new ValueRange().setValues(rows);
            try {
                return attempt("values.append", () -> sheets.spreadsheets().values()
                        .append(spreadsheetId, range, body)
                        .setValueInputOption(RAW)
                        .setInsertDataOption(OVERWRITE)
                        .execute());
            } catch (Exception e) {
                uncertain.set(GoogleErrors.mayHaveApplied(e));
                throw e;
            }
        });
    }

    /** Overwrites the cells of {@code range} with rows written RAW (one write request). */
    void update(String spreadsheetId, String range, List<List<Object>> rows) {
        ValueRange body = new ValueRange().setValues(rows);
        write("values.update", range, () -> false, () -> sheets.spreadsheets().values()
                .update(spreadsheetId, range, body)
                .setValueInputOption(RAW)
                .execute());
    }

    /** Clears the values of {@code range}, keeping the grid (one write request). */
    void clear(String spreadsheetId, String range) {
        write("values.clear", range, () -> false, () -> sheets.spreadsheets().values()
                .clear(spreadsheetId, range, new ClearValuesRequest()).execute());
    }

    private <T> T read(String operation, String id, RetryableCall<T> call) {
        return retrier.execute(operation, id, () -> attempt(operation, call));
    }

    /**
     * Runs a write with retries. After a failure that may hide a success, the next attempt first
     * asks {@code applied} and, if it returns true, returns {@code null} without writing again.
     */
    private <T> T write(String operation, String id, BooleanSupplier applied,
            RetryableCall<T> call) {
        AtomicBoolean uncertain = new AtomicBoolean(false);
        return retrier.execute(operation, id, () -> {
            if (uncertain.get() && applied.getAsBoolean()) {
                return null;
            }
            try {
                return attempt(operation, call);
            } catch (Exception e) {
                uncertain.set(GoogleErrors.mayHaveApplied(e));
                throw e;
            }
        });
    }

    private <T> T attempt(String operation, RetryableCall<T> call) throws Exception {
        meter.takeBytes();
        long start = System.nanoTime();
        try {
            return call.call();
        } catch (Exception e) {
            throw GoogleErrors.toLedgerError(e, operation);
        } finally {
            metrics.recordCall(meter.takeBytes(), (System.nanoTime() - start) / 1_000);
        }
    }
}
