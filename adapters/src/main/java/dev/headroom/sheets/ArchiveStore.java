package dev.headroom.sheets;

import dev.headroom.ledger.Transaction;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly archive workbooks of an {@link ArchivingSheetsLedger}, and what this process has
 * read of them: per user tab, the archived transaction ids and their total. Thread-safe.
 *
 * <p>The live workbook's tab {@value #INDEX_TAB} lists each archive workbook as a row
 * {@code month, spreadsheet_id}. Each archive workbook has one tab, {@value #ARCHIVE_TAB}, in
 * the shared-log layout with the user's tab title in place of the email. A month may list
 * several workbooks (two processes archiving at once); all of them are read and a transaction
 * id counts once per user.
 */
final class ArchiveStore {

    /** Title of the index tab in the live workbook. */
    static final String INDEX_TAB = "Archive index";

    /** Title of the tab in each archive workbook. */
    static final String ARCHIVE_TAB = "Archived usage";

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveStore.class);
    private static final List<Object> INDEX_HEADER = List.of("month", "spreadsheet_id");

    private final SheetsCalls calls;
    private final TabDirectory live;
    private final SheetsLedgerSettings settings;
    private final LedgerRows rows = LedgerRows.archive();
    private final Map<YearMonth, List<String>> workbooks = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByTab = new HashMap<>();
    private final Map<String, Long> totalByTab = new HashMap<>();
    private boolean loaded;
    private long loadedAtNanos;

    ArchiveStore(SheetsCalls calls, TabDirectory live, SheetsLedgerSettings settings) {
        this.calls = calls;
        this.live = live;
        this.settings = settings;
    }

    /** Returns whether the transaction of the user's tab {@code title} is archived. */
    synchronized boolean contains(String title, String transactionId) {
        load();
        return idsByTab.getOrDefault(title, Set.of()).contains(transactionId);
    }

    /** Returns the archived transaction ids of the user's tab {@code title}. */
    synchronized Set<String> idsOf(String title) {
        load();
        return Set.copyOf(idsByTab.getOrDefault(title, Set.of()));
    }

    /** Returns the balance change of the archived rows of the user's tab, in micro-dollars. */
    synchronized long totalMicros(String title) {
        load();
        return totalByTab.getOrDefault(title, 0L);
    }

    /** Returns the titles of the user tabs that have at least one archived row. */
    synchronized Set<String> titlesWithRows() {
        load();
        return Set.copyOf(idsByTab.keySet());
    }

    /** Reads every archive workbook and returns the distinct archived rows of one user's tab. */
    synchronized List<Transaction> rowsOf(String title) {
        forceLoad();
        List<Transaction> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<String> ids : workbooks.values()) {
            for (String spreadsheetId : ids) {
                for (Transaction row : read(spreadsheetId)) {
                    if (row.userEmail().equals(title) && seen.add(row.transactionId())) {
                        found.add(row);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Appends the rows of the user's tab {@code title} that are not archived yet to the archive
     * workbook of {@code month}, creating that workbook if needed. The rows go out in as few
     * appends as the recommended payload limit of {@link PayloadChunks} allows.
     */
    synchronized void store(YearMonth month, String title, List<Transaction> moved) {
        load();
        List<Transaction> added = new ArrayList<>();
        for (Transaction row : moved) {
            if (!idsByTab.getOrDefault(title, Set.of()).contains(row.transactionId())) {
                added.add(row);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        String spreadsheetId = workbookFor(month);
        List<List<Transaction>> chunks = PayloadChunks.split(added,
                row -> PayloadChunks.jsonBytes(rows.encode(row, title)),
                PayloadChunks.MAX_REQUEST_BYTES);
        for (List<Transaction> chunk : chunks) {
            calls.append(spreadsheetId, A1.columns(ARCHIVE_TAB, rows.lastColumn()), chunk,
                    row -> rows.encode(row, title), Transaction::transactionId,
                    sent -> absentAfterReload(title, sent));
            for (Transaction row : chunk) {
                if (idsByTab.computeIfAbsent(title, key -> new HashSet<>())
                        .add(row.transactionId())) {
                    totalByTab.merge(title, row.balanceDeltaMicros(), Long::sum);
                }
            }
        }
    }

    /** Reads every archive workbook again and returns the rows of {@code sent} not archived. */
    private List<Transaction> absentAfterReload(String title, List<Transaction> sent) {
        forceLoad();
        Set<String> archived = idsByTab.getOrDefault(title, Set.of());
        List<Transaction> absent = new ArrayList<>();
        for (Transaction row : sent) {
            if (!archived.contains(row.transactionId())) {
                absent.add(row);
            }
        }
        return absent;
    }

    private String workbookFor(YearMonth month) {
        List<String> existing = workbooks.get(month);
        if (existing != null && !existing.isEmpty()) {
            return existing.get(0);
        }
        String spreadsheetId = calls.createWorkbook("Usage archive " + month, ARCHIVE_TAB);
        // NOTE: a crash between the creation and the index row leaves an unlisted workbook.
        calls.append(spreadsheetId, A1.columns(ARCHIVE_TAB, rows.lastColumn()),
                List.of(rows.header()));
        if (!live.exists(INDEX_TAB)) {
            live.create(INDEX_TAB, INDEX_HEADER, "B");
        }
        calls.append(live.spreadsheetId(), A1.columns(INDEX_TAB, "B"),
                List.of(List.of(month.toString(), spreadsheetId)));
        workbooks.computeIfAbsent(month, key -> new ArrayList<>()).add(spreadsheetId);
        LOG.info("Created archive workbook {} for {}", spreadsheetId, month);
        return spreadsheetId;
    }

    private void load() {
        long now = settings.nanoClock().getAsLong();
        if (!loaded || now - loadedAtNanos >= settings.cacheTtl().toNanos()) {
            forceLoad();
        }
    }

    /** Reads the index and every archive workbook again. */
    private void forceLoad() {
        workbooks.clear();
        idsByTab.clear();
        totalByTab.clear();
        if (live.exists(INDEX_TAB)) {
            readIndex();
        }
        for (List<String> ids : workbooks.values()) {
            for (String spreadsheetId : ids) {
                for (Transaction row : read(spreadsheetId)) {
                    if (idsByTab.computeIfAbsent(row.userEmail(), key -> new HashSet<>())
                            .add(row.transactionId())) {
                        totalByTab.merge(row.userEmail(), row.balanceDeltaMicros(), Long::sum);
                    }
                }
            }
        }
        loaded = true;
        loadedAtNanos = settings.nanoClock().getAsLong();
    }

    private void readIndex() {
        for (List<Object> row : calls.values(live.spreadsheetId(), A1.columns(INDEX_TAB, "B"))) {
            if (row.size() < 2 || INDEX_HEADER.get(0).equals(row.get(0))) {
                continue;
            }
            try {
                YearMonth month = YearMonth.parse(row.get(0).toString());
                workbooks.computeIfAbsent(month, key -> new ArrayList<>())
                        .add(row.get(1).toString());
            } catch (DateTimeParseException e) {
                LOG.warn("Skipped archive index row {} of workbook {}: {}", row,
                        live.spreadsheetId(), e.getMessage());
            }
        }
    }

    /** Returns the rows of one archive workbook; each row's email is its user's tab title. */
    private List<Transaction> read(String spreadsheetId) {
        List<Transaction> found = new ArrayList<>();
        for (List<Object> value : calls.values(spreadsheetId,
                A1.columns(ARCHIVE_TAB, rows.lastColumn()))) {
            Transaction row = rows.decode(value, null);
            if (row != null) {
                found.add(row);
            }
        }
        return found;
    }
}
