package dev.headroom.sheets;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.LedgerArguments;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.metrics.AdapterMetrics;
import dev.headroom.metrics.MetricsRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger that stores every user's rows in one tab, {@value #LOG_TAB}, with an email column:
 * the plan's shared log. It never meets a tab limit, but every balance is computed from the
 * whole log, and the workbook's cell budget bounds the log's length.
 *
 * <p>Requests: the first access, and any access after the cache lifetime, reads the whole log
 * (one read) and caches every user's balance; a record or admission appends one row (one
 * write). The first row ever also adds the log tab (one read and two writes).
 * {@link #transactions} always reads the whole log.
 *
 * <p>Guarantees. Writes are serialized within this ledger instance, so within one instance a
 * transaction id is stored once per user and {@link #admit} never spends the same credit twice.
 * Across processes, as for {@link TabPerUserLedger}, an id can appear in two rows (counted
 * once) and concurrent admissions can overspend by one request per additional process, so the
 * guarantee is {@link AdmissionGuarantee#BEST_EFFORT}. The caller owns the connection.
 */
public final class SharedLogLedger implements UsageLedger {

    /** Title of the log tab. Its space keeps it apart from the titles of users' tabs. */
    public static final String LOG_TAB = "Usage log";

    private static final Logger LOG = LoggerFactory.getLogger(SharedLogLedger.class);

    private final SheetsCalls calls;
    private final TabDirectory workbook;
    private final SheetsLedgerSettings settings;
    private final MetricsRecorder metrics = new MetricsRecorder();
    private final LedgerRows rows = LedgerRows.sharedLog();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Long> balances = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private boolean tabExists;
    private boolean loaded;
    private long loadedAtNanos;

    /** Opens a shared-log ledger in the workbook {@code spreadsheetId}. */
    public SharedLogLedger(SheetsConnection connection, String spreadsheetId,
            SheetsLedgerSettings settings) {
        this.calls = new SheetsCalls(connection, settings.retryPolicy(), metrics);
        this.workbook = new TabDirectory(calls, spreadsheetId, settings);
        this.settings = settings;
        LOG.info("Opened a shared-log Sheets ledger in workbook {} through {}", spreadsheetId,
                connection.target());
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        LedgerArguments.requireTransaction(transaction);
        lock.lock();
        try {
            load();
            if (keys.contains(key(transaction))) {
                return RecordOutcome.DUPLICATE;
            }
            append(transaction);
            return RecordOutcome.RECORDED;
        } finally {
            lock.unlock();
        }
    }

    /** Appends the usage row if the balance covers it, serialized within this ledger only. */
    @Override
    public AdmissionOutcome admit(Transaction usage) {
        LedgerArguments.requireUsage(usage);
        lock.lock();
        try {
            load();
            if (keys.contains(key(usage))) {
                return AdmissionOutcome.DUPLICATE;
            }
            if (balances.getOrDefault(usage.userEmail(), 0L) < usage.amountMicros()) {
                return AdmissionOutcome.INSUFFICIENT_BALANCE;
            }
            append(usage);
            return AdmissionOutcome.ADMITTED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long balanceMicros(String userEmail) {
        LedgerArguments.requireEmail(userEmail);
        lock.lock();
        try {
            load();
            return balances.getOrDefault(userEmail, 0L);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        LedgerArguments.requireEmail(userEmail);
        LedgerArguments.requireRange(from, to);
        List<Transaction> selected = new ArrayList<>();
        for (Transaction row : readLog()) {
            if (row.userEmail().equals(userEmail) && !row.timestamp().isBefore(from)
                    && row.timestamp().isBefore(to)) {
                selected.add(row);
            }
        }
        selected.sort(Comparator.comparing(Transaction::timestamp));
        return selected;
    }

    @Override
    public long countUsers() {
        lock.lock();
        try {
            load();
            return balances.size();
        } finally {
            lock.unlock();
        }
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
        LOG.info("Closed the shared-log Sheets ledger of workbook {}", workbook.spreadsheetId());
    }

    /** Returns every distinct row of the log in row order (one read, none without the tab). */
    private List<Transaction> readLog() {
        if (!workbook.exists(LOG_TAB)) {
            return List.of();
        }
        List<List<Object>> values = calls.values(workbook.spreadsheetId(),
                A1.columns(LOG_TAB, rows.lastColumn()));
        Set<String> seen = new HashSet<>();
        List<Transaction> distinct = new ArrayList<>();
        for (List<Object> value : values) {
            Transaction row = rows.decode(value, null);
            if (row != null && seen.add(key(row))) {
                distinct.add(row);
            }
        }
        return distinct;
    }

    private void load() {
        long now = settings.nanoClock().getAsLong();
        if (loaded && now - loadedAtNanos < settings.cacheTtl().toNanos()) {
            return;
        }
        List<Transaction> log = readLog();
        balances.clear();
        keys.clear();
        for (Transaction row : log) {
            keys.add(key(row));
            balances.merge(row.userEmail(), row.balanceDeltaMicros(), Long::sum);
        }
        tabExists = !log.isEmpty() || workbook.exists(LOG_TAB);
        loaded = true;
        loadedAtNanos = now;
    }

    private void append(Transaction transaction) {
        if (!tabExists) {
            workbook.create(LOG_TAB, rows.header(), rows.lastColumn());
            tabExists = true;
        }
        calls.append(workbook.spreadsheetId(), A1.columns(LOG_TAB, rows.lastColumn()),
                List.of(rows.encode(transaction)), () -> storedAfterReload(transaction));
        if (keys.add(key(transaction))) {
            balances.merge(transaction.userEmail(), transaction.balanceDeltaMicros(), Long::sum);
        }
    }

    private boolean storedAfterReload(Transaction transaction) {
        loaded = false;
        load();
        return keys.contains(key(transaction));
    }

    /** Returns the identity of a row: its user and transaction id. */
    private static String key(Transaction transaction) {
        return transaction.userEmail() + '\n' + transaction.transactionId();
    }
}
