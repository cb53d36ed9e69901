package dev.headroom.sheets;

import dev.headroom.ledger.CapacityReachedException;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.sheets.limits.TabGuard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tabs of one workbook as this process last read them, and the creation of new tabs under
 * the tab guard. Thread-safe: creating tabs is serialized per workbook.
 *
 * <p>A tab once seen is trusted to exist, because the ledgers never delete tabs. A title not
 * seen is looked up again when the last read is older than the cache lifetime, and always
 * before a tab is added.
 */
final class TabDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TabDirectory.class);

    private final SheetsCalls calls;
    private final String spreadsheetId;
    private final Optional<TabGuard> guard;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Set<String> titles = new HashSet<>();
    private int tabCount;
    private boolean loaded;
    private long loadedAtNanos;

    /**
     * Returns {@code spreadsheetId} after checking it, so a ledger fails when it is opened
     * rather than at its first call.
     *
     * @throws NullPointerException if the id is null
     * @throws IllegalArgumentException if the id is blank
     */
    static String requireSpreadsheetId(String spreadsheetId) {
        Objects.requireNonNull(spreadsheetId,
                "spreadsheetId is missing; pass the id from the workbook's URL");
        if (spreadsheetId.isBlank()) {
            throw new IllegalArgumentException("spreadsheetId is blank; pass the id from the"
                    + " workbook's URL");
        }
        return spreadsheetId;
    }

    TabDirectory(SheetsCalls calls, String spreadsheetId, SheetsLedgerSettings settings) {
        this.calls = calls;
        this.spreadsheetId = spreadsheetId;
        this.guard = settings.tabGuard();
        this.ttlNanos = settings.cacheTtl().toNanos();
        this.nanoClock = settings.nanoClock();
    }

    String spreadsheetId() {
        return spreadsheetId;
    }

    /** Returns whether the workbook has a tab with this title, compared ignoring case. */
    synchronized boolean exists(String title) {
        String key = TabTitles.comparable(title);
        if (titles.contains(key)) {
            return true;
        }
        if (!loaded || nanoClock.getAsLong() - loadedAtNanos >= ttlNanos) {
            refresh();
        }
        return titles.contains(key);
    }

    /**
     * Adds a tab with the default grid and appends {@code header} as its first row, unless the
     * tab exists.
     *
     * @throws CapacityReachedException with {@code TABS} when the tab guard rejects one more
     *     tab, or with {@code CELLS} when Google rejects the tab's grid
     */
    synchronized void create(String title, List<Object> header, String lastColumn) {
        refresh();
        if (titles.contains(TabTitles.comparable(title))) {
            return;
        }
        if (guard.isPresent() && !guard.get().admitsNewTab(tabCount)) {
            LOG.warn("Rejected a new tab in workbook {}: it has {} tabs, the guard allows {}",
                    spreadsheetId, tabCount, guard.get().maxTabs());
            throw new CapacityReachedException(CapacityReachedException.Limit.TABS,
                    TabGuard.ERROR_CODE + ": workbook " + spreadsheetId + " contains " + tabCount
                    + " tabs and the guard allows " + guard.get().maxTabs()
                    + "; place new users in another workbook");
        }
        try {
            calls.addTab(spreadsheetId, title, () -> refreshedContains(title));
        } catch (InvalidInputException e) {
            if (!refreshedContains(title)) {
                throw e;
            }
            LOG.info("Tab {} in workbook {} was added by another writer", title, spreadsheetId);
            return;
        }
        LOG.info("Added tab {} to workbook {}", title, spreadsheetId);
        titles.add(TabTitles.comparable(title));
        tabCount++;
        // The header is appended, not written to row 1, so it never overwrites a row that another
        // writer appended first. Readers skip a header row wherever it lands.
        calls.append(spreadsheetId, A1.columns(title, lastColumn), List.of(header));
    }

    /**
     * Reads the tab titles again and returns, in workbook order, the user tabs that contain at
     * least one transaction row in {@code layout}. Costs one read of the titles, then one
     * {@code values.batchGet} of the first two rows of every user tab, and one more batchGet
     * only if some tab starts with two headers.
     *
     * <p>The ledgers append rows from the top without gaps, and a tab's header, when stored, is
     * its first row, or its second when another writer appended a row between the tab's
     * creation and its header. So a tab has a transaction row when one of its first two rows is
     * one, and none when fewer than two rows are filled. Only tabs whose first two rows are both
     * headers, as after a header append retried although it was stored, are read in full.
     */
    List<String> userTitlesWithRows(LedgerRows layout) {
        List<String> users = new ArrayList<>();
        for (String title : readTitles()) {
            if (TabTitles.isUserTitle(title)) {
                users.add(title);
            }
        }

        List<String> firstRows = new ArrayList<>(users.size());
        for (String title : users) {
            firstRows.add(A1.range(title, "A1:" + layout.timestampColumn() + "2"));
        }
        List<List<List<Object>>> heads = calls.batchValues(spreadsheetId, firstRows);
        boolean[] hasRows = new boolean[users.size()];
        List<Integer> twoHeaders = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            List<List<Object>> head = heads.get(i);
            hasRows[i] = head.stream().anyMatch(layout::isTransactionRow);
            if (!hasRows[i] && head.size() == 2) {
                twoHeaders.add(i);
            }
        }
        if (!twoHeaders.isEmpty()) {
            readWholeTabs(layout, users, twoHeaders, hasRows);
        }

        List<String> withRows = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            if (hasRows[i]) {
                withRows.add(users.get(i));
            }
        }
        return withRows;
    }

    /**
     * Reads the id through timestamp columns of the tabs at {@code indexes} of {@code titles}
     * in one {@code values.batchGet}, and sets {@code hasRows} for those with a transaction.
     */
    private void readWholeTabs(LedgerRows layout, List<String> titles, List<Integer> indexes,
            boolean[] hasRows) {
        List<String> columns = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            columns.add(A1.columns(titles.get(i), layout.timestampColumn()));
        }
        List<List<List<Object>>> whole = calls.batchValues(spreadsheetId, columns);
        for (int j = 0; j < indexes.size(); j++) {
            hasRows[indexes.get(j)] = whole.get(j).stream().anyMatch(layout::isTransactionRow);
        }
    }

    /** Reads the tab titles again and returns them. */
    synchronized List<String> readTitles() {
        List<String> current = calls.tabTitles(spreadsheetId);
        remember(current);
        return current;
    }

    private boolean refreshedContains(String title) {
        refresh();
        return titles.contains(TabTitles.comparable(title));
    }

    private void refresh() {
        remember(calls.tabTitles(spreadsheetId));
    }

    private void remember(List<String> current) {
        titles.clear();
        for (String title : current) {
            titles.add(TabTitles.comparable(title));
        }
        tabCount = current.size();
        loaded = true;
        loadedAtNanos = nanoClock.getAsLong();
    }
}
