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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger that stores every user's rows in one tab, {@value #LOG_TAB}, with an email column:
 * the plan's shared log. It never meets a tab limit, but every balance is computed from the
 * whole log, and the workbook's cell budget bounds the log's length.
 *
 * <p>Requests: the first access, and any access after the cache lifetime, reads the whole log
 * (one read) and caches every user's balance. Records and admissions of all users are appended
 * by group commit. A lone record costs one write, and the rows that arrive while an append is
 * in flight go out together in the next one. So a burst of concurrent records costs a few
 * writes. The first row ever also adds the log tab (one read and two writes).
 * {@link #transactions} always reads the whole log.
 *
 * <p>Guarantees. Checks are serialized within this ledger instance and count queued rows, so
 * within one instance a transaction id is stored once per user and {@link #admit} never spends
 * the same credit twice: it subtracts the user's queued debits and ignores queued credits until
 * they are stored. A record or admission returns only after its row is stored.
 * Across processes, as for {@link TabPerUserLedger}, an id can appear in two rows (counted
 * once), and each process admits against the log it last read, so {@code P} processes that
 * read a balance of {@code B} can admit up to {@code P * B} before they read each other's rows.
 * The guarantee is {@link AdmissionGuarantee#BEST_EFFORT}. The caller owns the connection.
 */
public final class SharedLogLedger implements UsageLedger {

    /** Title of the log tab. Its space keeps it apart from the titles of users' tabs. */
    public static final String LOG_TAB = "Usage log";

    private static final Logger LOG = LoggerFactory.getLogger(SharedLogLedger.class);

    private final ClosedGuard guard = new ClosedGuard("shared-log Sheets ledger");
    private final SheetsCalls calls;
    private final TabDirectory workbook;
    private final SheetsLedgerSettings settings;
    private final MetricsRecorder metrics = new MetricsRecorder();
    private final LedgerRows rows = LedgerRows.sharedLog();
    private final LedgerTab log = new LedgerTab(LOG_TAB);
    private final LedgerTab.BatchWriter writer = new LedgerTab.BatchWriter() {
        @Override
        public long payloadBytes(Transaction row) {
            return PayloadChunks.jsonBytes(rows.encode(row));
        }

        @Override
        public void append(List<Transaction> batch) {
            appendBatch(batch);
        }
    };

    /** Opens a shared-log ledger in the workbook {@code spreadsheetId}. */
    public SharedLogLedger(SheetsConnection connection, String spreadsheetId,
            SheetsLedgerSettings settings) {
        Objects.requireNonNull(connection, "connection");
        TabDirectory.requireSpreadsheetId(spreadsheetId);
        Objects.requireNonNull(settings, "settings");
        this.calls = new SheetsCalls(connection, settings.retryPolicy(), metrics);
        this.workbook = new TabDirectory(calls, spreadsheetId, settings);
        this.settings = settings;
        LOG.info("Opened a shared-log Sheets ledger in workbook {} through {}", spreadsheetId,
                connection.target());
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        guard.requireOpen();
        LedgerArguments.requireTransaction(transaction);
        return log.record(transaction, this::load, writer);
    }

    /**
     * Appends the usage row if the balance covers it: the stored balance minus the user's
     * queued debits. Serialized within this ledger only.
     */
    @Override
    public AdmissionOutcome admit(Transaction usage) {
        guard.requireOpen();
        LedgerArguments.requireUsage(usage);
        return log.admit(usage, this::load, () -> log.spendableMicros(usage.userEmail()), writer);
    }

    /** Returns the sum of the user's stored rows; rows still queued are not counted. */
    @Override
    public long balanceMicros(String userEmail) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        return log.readLoaded(this::load, () -> log.storedBalanceMicros(userEmail));
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        guard.requireOpen();
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
        guard.requireOpen();
        return log.readLoaded(this::load, log::storedUsers);
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
            if (row != null && seen.add(LedgerTab.key(row))) {
                distinct.add(row);
            }
        }
        return distinct;
    }

    private void load() {
        long now = settings.nanoClock().getAsLong();
        if (log.isFresh(now, settings.cacheTtl().toNanos())) {
            return;
        }
        List<Transaction> rowsRead = readLog();
        log.reset(now);
        log.markTabExists(!rowsRead.isEmpty() || workbook.exists(LOG_TAB));
        for (Transaction row : rowsRead) {
            log.addStored(row);
        }
    }

    /** Appends rows to the log in one request, adding the log tab first if it is missing. */
    private void appendBatch(List<Transaction> batch) {
        if (!log.tabExists()) {
            workbook.create(LOG_TAB, rows.header(), rows.lastColumn());
            log.markTabExists(true);
        }
        calls.append(workbook.spreadsheetId(), A1.columns(LOG_TAB, rows.lastColumn()), batch,
                rows::encode, Transaction::transactionId, this::absentAfterReload);
    }

    /** Reads the log again and returns the transactions of {@code sent} not among its rows. */
    private List<Transaction> absentAfterReload(List<Transaction> sent) {
        List<Transaction> absent = log.absentAfterReload(sent, this::load);
        LOG.info("Re-read the log of workbook {} after an uncertain append: {} of {} rows"
                + " absent, to resend: {}", workbook.spreadsheetId(), absent.size(), sent.size(),
                SheetsCalls.describe("", absent, Transaction::transactionId).strip());
        return absent;
    }
}
