package dev.headroom.sheets;

import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.LedgerArguments;
import dev.headroom.ledger.Transaction;
import dev.headroom.routing.JumpHashRouter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan's archive hybrid: one tab per user in a live workbook contains the recent rows, and
 * {@link #archive} moves older rows to one archive workbook per calendar month (UTC). The
 * balance is the archived total plus the sum of the live rows, so a balance read costs one
 * read of the short live tab once the archive totals are cached.
 *
 * <p>Exactness. {@link #archive} first appends the old rows to the archive, then rewrites the
 * live tab without them. A crash between the two leaves rows in both places; a live row whose
 * id is archived is never counted, so the balance stays exact at every step, and running
 * {@link #archive} again finishes the move.
 *
 * <p>The archive totals are read from every archive workbook on first use and after each cache
 * lifetime. {@link #archive} must not run while another process writes to the same live tabs:
 * a row appended by another process between the read and the rewrite of a tab is kept, but may
 * sit after empty rows. Admission and recording have the guarantees of
 * {@link TabPerUserLedger}.
 */
public final class ArchivingSheetsLedger extends TabPerUserLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ArchivingSheetsLedger.class);

    private final ArchiveStore archive;

    /** Opens an archiving ledger whose live tabs are in the workbook {@code spreadsheetId}. */
    public ArchivingSheetsLedger(SheetsConnection connection, String spreadsheetId,
            SheetsLedgerSettings settings) {
        super(connection, List.of(TabDirectory.requireSpreadsheetId(spreadsheetId)),
                new JumpHashRouter(1), settings);
        this.archive = new ArchiveStore(calls(), workbooks().get(0), settings);
    }

    /**
     * Moves every live row with a timestamp before {@code cutoff} to the archive workbook of its
     * month, and returns how many rows moved. Safe to repeat after a failure.
     */
    public long archive(Instant cutoff) {
        requireOpen();
        if (cutoff == null) {
            throw new InvalidInputException("cutoff is missing; pass the instant before which"
                    + " rows move to the archive");
        }
        long moved = 0;
        TabDirectory live = workbooks().get(0);
        for (String title : live.readTitles()) {
            if (TabTitles.isUserTitle(title)) {
                moved += archiveTab(live, title, cutoff);
            }
        }
        LOG.info("Archived {} rows older than {} from workbook {}", moved, cutoff,
                live.spreadsheetId());
        return moved;
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        requireOpen();
        LedgerArguments.requireEmail(userEmail);
        LedgerArguments.requireRange(from, to);
        List<Transaction> all = new ArrayList<>();
        for (Transaction row : archive.rowsOf(TabTitles.forEmail(userEmail))) {
            all.add(withEmail(row, userEmail));
        }
        all.addAll(allTransactions(userEmail));
        List<Transaction> selected = new ArrayList<>();
        for (Transaction row : all) {
            if (!row.timestamp().isBefore(from) && row.timestamp().isBefore(to)) {
                selected.add(row);
            }
        }
        selected.sort(Comparator.comparing(Transaction::timestamp));
        return selected;
    }

    /**
     * Counts the users with a transaction row in their live tab or in the archive as this
     * process last read it, at most the cache lifetime ago. Costs the reads of
     * {@link TabPerUserLedger#countUsers}, plus reads of the archive workbooks when the
     * archive was last read longer ago.
     */
    @Override
    public long countUsers() {
        requireOpen();
        Set<String> users = new HashSet<>(workbooks().get(0).userTitlesWithRows(rows()));
        users.addAll(archive.titlesWithRows());
        return users.size();
    }

    @Override
    boolean isArchived(String title, Transaction row) {
        return archive.contains(title, row.transactionId());
    }

    @Override
    Set<String> archivedIds(String title) {
        return archive.idsOf(title);
    }

    @Override
    long archivedBalanceMicros(String title) {
        return archive.totalMicros(title);
    }

    private long archiveTab(TabDirectory live, String title, Instant cutoff) {
        LedgerTab tab = tabTitled(title);
        tab.lock.lock();
        try {
            // The live tab is read and rewritten below, so no append of this ledger may land
            // in between; none starts while the lock is held.
            tab.awaitIdle();
            LedgerRows layout = rows();
            List<List<Object>> values = calls().values(live.spreadsheetId(),
                    A1.columns(title, layout.lastColumn()));
            Map<YearMonth, List<Transaction>> old = new TreeMap<>();
            List<List<Object>> kept = new ArrayList<>();
            kept.add(layout.header());
            Set<String> seen = new HashSet<>();
            int dropped = 0;
            for (List<Object> value : values) {
                Transaction row = layout.decode(value, title);
                if (row == null || !seen.add(row.transactionId())
                        || archive.contains(title, row.transactionId())) {
                    dropped++;
                } else if (row.timestamp().isBefore(cutoff)) {
                    old.computeIfAbsent(monthOf(row), key -> new ArrayList<>()).add(row);
                } else {
                    kept.add(value);
                }
            }
            long moved = 0;
            for (Map.Entry<YearMonth, List<Transaction>> month : old.entrySet()) {
                archive.store(month.getKey(), title, month.getValue());
                moved += month.getValue().size();
            }
            if (moved > 0 || dropped > 1) {
                rewrite(live.spreadsheetId(), title, kept, values.size());
            }
            tab.invalidate();
            return moved;
        } finally {
            tab.lock.unlock();
        }
    }

    /** Writes the kept rows from row 1 and clears the rows below them that held old rows. */
    private void rewrite(String spreadsheetId, String title, List<List<Object>> kept,
            int previousRows) {
        String last = rows().lastColumn();
        calls().update(spreadsheetId, A1.range(title, "A1:" + last + kept.size()), kept);
        if (previousRows > kept.size()) {
            calls().clear(spreadsheetId,
                    A1.range(title, "A" + (kept.size() + 1) + ":" + last + previousRows));
        }
    }

    private static YearMonth monthOf(Transaction row) {
        return YearMonth.from(row.timestamp().atOffset(ZoneOffset.UTC));
    }

    private static Transaction withEmail(Transaction row, String email) {
        return new Transaction(row.transactionId(), email, row.timestamp(), row.kind(),
                row.model(), row.tokensIn(), row.tokensOut(), row.amountMicros(),
                row.durationMillis());
    }
}
