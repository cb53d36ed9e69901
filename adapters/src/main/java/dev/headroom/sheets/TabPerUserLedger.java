package dev.headroom.sheets;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.ClosedGuard;
import dev.headroom.ledger.LedgerArguments;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.metrics.AdapterMetrics;
import dev.headroom.metrics.MetricsRecorder;
import dev.headroom.routing.JumpHashRouter;
import dev.headroom.routing.ShardRouter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger with one tab per user, titled by {@link TabTitles}, in one workbook or sharded
 * across several through a {@link ShardRouter}. This is the proxy's design: the balance is the
 * sum of every row in the user's tab.
 *
 * <p>Each call costs Sheets requests as follows. A user's first access in this ledger reads the
 * whole tab (one read), and so does any access after the cache lifetime. Other balance checks
 * cost no request, because the ledger adds its own writes to what it read. Records and
 * admissions are appended by group commit. A row that arrives while another append for the
 * same user is in flight waits, then goes out with the other rows that arrived meanwhile. So a
 * lone record costs one write, and a burst of concurrent records for one user costs a few. A
 * new user's first batch first reads the workbook's tab list and adds a tab (one read and two
 * writes, the second for the header row). {@link #transactions} always reads the tab.
 * {@link #countUsers} reads each workbook's tab list and the first rows of its user tabs.
 *
 * <p>Guarantees. Sheets has no conditional write, so this ledger serializes each user's checks
 * within this ledger instance and counts queued rows in them: within one instance a transaction
 * id is stored once, and {@link #admit} never spends the same credit twice because it subtracts
 * the user's queued debits and ignores queued credits until they are stored. A record or
 * admission returns only after its row is stored, or throws the error that kept it out.
 *
 * <p>Across processes sharing a workbook, two writers can both pass their checks before either
 * append lands, so a transaction id can appear in two rows (readers count it once, the first
 * row wins). Each process checks admissions against the rows it last read, which can be up to
 * the cache lifetime old, and does not see another process's rows before it reads the tab
 * again. So every process can spend the whole balance it read: {@code P} processes that read a
 * balance of {@code B} can admit up to {@code P * B} before they see each other's rows, an
 * overspend of up to {@code (P - 1) * B}, however many requests that takes.
 * {@link #admissionGuarantee()} is therefore {@link AdmissionGuarantee#BEST_EFFORT}.
 *
 * <p>The caller owns the {@link SheetsConnection}; {@link #close()} leaves it open.
 */
public class TabPerUserLedger implements UsageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(TabPerUserLedger.class);
    private static final Comparator<Transaction> BY_TIMESTAMP =
            Comparator.comparing(Transaction::timestamp);

    private final ClosedGuard guard = new ClosedGuard("Sheets ledger");
    private final SheetsCalls calls;
    private final ShardRouter router;
    private final List<TabDirectory> workbooks;
    private final SheetsLedgerSettings settings;
    private final MetricsRecorder metrics = new MetricsRecorder();
    private final LedgerRows rows = LedgerRows.perUser();
    private final Map<String, LedgerTab> tabs = new ConcurrentHashMap<>();

    TabPerUserLedger(SheetsConnection connection, List<String> spreadsheetIds, ShardRouter router,
            SheetsLedgerSettings settings) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(spreadsheetIds, "spreadsheetIds");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(settings, "settings");
        spreadsheetIds.forEach(TabDirectory::requireSpreadsheetId);
        if (spreadsheetIds.isEmpty() || router.shardCount() != spreadsheetIds.size()) {
            throw new IllegalArgumentException("the router spreads users over "
                    + router.shardCount() + " shards but " + spreadsheetIds.size()
                    + " spreadsheet ids were given; give one id per shard");
        }
        this.calls = new SheetsCalls(connection, settings.retryPolicy(), metrics);
        this.router = router;
        this.settings = settings;
        List<TabDirectory> directories = new ArrayList<>();
        for (String id : spreadsheetIds) {
            directories.add(new TabDirectory(calls, id, settings));
        }
        this.workbooks = List.copyOf(directories);
        LOG.info("Opened a tab-per-user Sheets ledger over {} workbook(s) through {}",
                workbooks.size(), connection.target());
    }

    /** Opens a ledger with one tab per user in the workbook {@code spreadsheetId}. */
    public static TabPerUserLedger singleWorkbook(SheetsConnection connection,
            String spreadsheetId, SheetsLedgerSettings settings) {
        return new TabPerUserLedger(connection,
                List.of(TabDirectory.requireSpreadsheetId(spreadsheetId)), new JumpHashRouter(1),
                settings);
    }

    /**
     * Opens a ledger with one tab per user, each user in the workbook that {@code router}
     * picks: shard {@code i} is {@code spreadsheetIds.get(i)}.
     */
    public static TabPerUserLedger sharded(SheetsConnection connection,
            List<String> spreadsheetIds, ShardRouter router, SheetsLedgerSettings settings) {
        return new TabPerUserLedger(connection, spreadsheetIds, router, settings);
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        guard.requireOpen();
        LedgerArguments.requireTransaction(transaction);
        rows.requireCellsFit(transaction);
        String email = transaction.userEmail();
        LedgerTab tab = tabOf(email);
        return tab.record(transaction, () -> load(tab, email), writer(tab, email));
    }

    /**
     * Appends the usage row if the balance covers it. The balance checked is the stored one
     * minus the user's queued debits. The check and the queueing are serialized per user
     * within this ledger only, and the class Javadoc says what other processes can do.
     */
    @Override
    public AdmissionOutcome admit(Transaction usage) {
        guard.requireOpen();
        LedgerArguments.requireUsage(usage);
        rows.requireCellsFit(usage);
        String email = usage.userEmail();
        LedgerTab tab = tabOf(email);
        return tab.admit(usage, () -> load(tab, email),
                () -> archivedBalanceMicros(tab.title()) + tab.spendableMicros(email),
                writer(tab, email));
    }

    /** Returns the sum of the user's stored rows; rows still queued are not counted. */
    @Override
    public long balanceMicros(String userEmail) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        LedgerTab tab = tabOf(userEmail);
        return tab.readLoaded(() -> load(tab, userEmail),
                () -> archivedBalanceMicros(tab.title()) + tab.storedBalanceMicros(userEmail));
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        LedgerArguments.requireRange(from, to);
        List<Transaction> selected = new ArrayList<>();
        for (Transaction row : allTransactions(userEmail)) {
            if (!row.timestamp().isBefore(from) && row.timestamp().isBefore(to)) {
                selected.add(row);
            }
        }
        selected.sort(BY_TIMESTAMP);
        return selected;
    }

    /**
     * Counts the user tabs that contain at least one transaction row, so a tab whose first
     * append failed after the tab was added does not count. Costs two reads per workbook: the
     * tab titles and one {@code values.batchGet}. A workbook without user tabs costs one, and
     * one that has a tab starting with two headers costs three, as
     * {@link TabDirectory#userTitlesWithRows} explains.
     */
    @Override
    public long countUsers() {
        guard.requireOpen();
        long users = 0;
        for (TabDirectory workbook : workbooks) {
            users += workbook.userTitlesWithRows(rows).size();
        }
        return users;
    }

    @Override
    public AdmissionGuarantee admissionGuarantee() {
        return AdmissionGuarantee.BEST_EFFORT;
    }

    @Override
    public AdapterMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        tabs.clear();
        LOG.info("Closed the tab-per-user Sheets ledger");
    }

    /** Throws {@link IllegalStateException} if the ledger is closed. */
    final void requireOpen() {
        guard.requireOpen();
    }

    /** Returns the index of the workbook that contains the user's tab. */
    public int shardOf(String userEmail) {
        return router.route(userEmail);
    }

    /** Returns every distinct transaction in the user's tab, in row order (one read). */
    List<Transaction> allTransactions(String userEmail) {
        String title = TabTitles.forEmail(userEmail);
        TabDirectory workbook = workbookOf(userEmail);
        if (!workbook.exists(title)) {
            return List.of();
        }
        List<List<Object>> values = calls.values(workbook.spreadsheetId(),
                A1.columns(title, rows.lastColumn()));
        Set<String> seen = new HashSet<>();
        List<Transaction> distinct = new ArrayList<>();
        for (List<Object> value : values) {
            Transaction row = rows.decode(value, userEmail);
            if (row != null && seen.add(row.transactionId()) && !isArchived(title, row)) {
                distinct.add(row);
            }
        }
        return distinct;
    }

    /** Returns whether a live row is also archived; archiving ledgers override this. */
    boolean isArchived(String title, Transaction row) {
        return false;
    }

    /**
     * Returns the transaction ids archived from a user tab, which a retry must not store again;
     * archiving ledgers override this.
     */
    Set<String> archivedIds(String title) {
        return Set.of();
    }

    /** Returns the balance of a user tab's archived rows; archiving ledgers override this. */
    long archivedBalanceMicros(String title) {
        return 0;
    }

    SheetsCalls calls() {
        return calls;
    }

    LedgerRows rows() {
        return rows;
    }

    List<TabDirectory> workbooks() {
        return workbooks;
    }

    TabDirectory workbookOf(String userEmail) {
        return workbooks.get(router.route(userEmail));
    }

    LedgerTab tabOf(String userEmail) {
        return tabTitled(TabTitles.forEmail(userEmail));
    }

    /** Returns the cached state of the user tab with this title. */
    LedgerTab tabTitled(String title) {
        return tabs.computeIfAbsent(title, LedgerTab::new);
    }

    /** Reads the user's rows unless what was read is younger than the cache lifetime. */
    void load(LedgerTab tab, String userEmail) {
        long now = settings.nanoClock().getAsLong();
        if (tab.isFresh(now, settings.cacheTtl().toNanos())) {
            return;
        }
        List<Transaction> current = allTransactions(userEmail);
        tab.reset(now);
        tab.markTabExists(!current.isEmpty() || workbookOf(userEmail).exists(tab.title()));
        for (Transaction row : current) {
            tab.addStored(row);
        }
        for (String archivedId : archivedIds(tab.title())) {
            tab.addStoredKey(userEmail, archivedId);
        }
    }

    /** Returns the writer that appends batches of the user's rows to the user's tab. */
    private LedgerTab.BatchWriter writer(LedgerTab tab, String email) {
        return new LedgerTab.BatchWriter() {
            @Override
            public long payloadBytes(Transaction row) {
                return PayloadChunks.jsonBytes(rows.encode(row));
            }

            @Override
            public void append(List<Transaction> batch) {
                appendBatch(tab, email, batch);
            }
        };
    }

    /** Appends rows to the user's tab in one request, adding the tab first if it is missing. */
    private void appendBatch(LedgerTab tab, String email, List<Transaction> batch) {
        TabDirectory workbook = workbookOf(email);
        if (!tab.tabExists()) {
            workbook.create(tab.title(), rows.header(), rows.lastColumn());
            tab.markTabExists(true);
        }
        calls.append(workbook.spreadsheetId(), A1.columns(tab.title(), rows.lastColumn()),
                batch, rows::encode, Transaction::transactionId,
                sent -> absentAfterReload(tab, email, sent));
    }

    /** Reads the user's rows again and returns the transactions of {@code sent} not among them. */
    private List<Transaction> absentAfterReload(LedgerTab tab, String email,
            List<Transaction> sent) {
        List<Transaction> absent = tab.absentAfterReload(sent, () -> load(tab, email));
        LOG.info("Re-read tab {} after an uncertain append: {} of {} rows absent, to resend: {}",
                tab.title(), absent.size(), sent.size(),
                SheetsCalls.describe("", absent, Transaction::transactionId).strip());
        return absent;
    }
}
