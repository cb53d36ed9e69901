package dev.headroom.model.sheets;

import dev.headroom.model.ArchiveCount;
import dev.headroom.model.BackendModel;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.GridBudget;
import dev.headroom.sheets.limits.RequestKind;
import dev.headroom.sheets.limits.SheetsLimitException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's tab-per-user Sheets ledger with a job that archives old rows: every
 * {@code every}, at a set time of day, the job visits every user's tab in user order and moves
 * the rows older than {@code keep} into a tab of that month's archive workbook.
 *
 * <p>Per user, as the plan's job code does: a read of the user's tab to find the old rows (made
 * for every tab, because only the read shows whether it has any); for a tab with old rows, one
 * write that adds the user's archive tab and appends the rows (a {@code batchUpdate} can carry
 * both), and one write that deletes the rows from the user's tab. Each call goes through the
 * same quota windows, backoff and retries as users' calls, under the user's caller identity, and
 * the run's event engine places the calls one after another, each after the previous one's
 * latency. A read or an append that fails skips the user until the next run; a delete that
 * fails leaves the rows in the tab, so the next run archives them a second time.
 *
 * <p>The delete is {@code deleteDimension}, which removes the rows from the tab's grid. A tab
 * of {@link GridPolicy#DEFAULT_GRID} therefore also shrinks, by 26 cells a row, below its
 * 1,000 default rows; later appends fill the shrunk grid before they grow it.
 *
 * <p>Archive workbooks: one is opened at the start of each run (the plan's "one per month"),
 * and another when the next archive tab would pass the cell limit. An archive tab gets the
 * grid policy's grid grown to its rows. A balance read reads only the user's recent rows; the
 * archived balance that the plan caches makes no call and is not modelled.
 *
 * <p>Cost: {@code costPerRun} for each run started, and nothing for Sheets. A run still going
 * at the next start time skips that start, and the next run begins at the first start time
 * after it ends. Leaves out the archive's read-only protection. Not thread-safe.
 */
public final class SheetsArchiveModel implements BackendModel {

    /** Limit name of the newest archive workbook's cells in gauges and outcomes. */
    public static final String ARCHIVE_CELLS = "archive-cells";

    /** The hosting cost component of the job's runs, priced by {@code cost_per_run}. */
    public static final String ARCHIVE_RUNS = "sheets_archive_runs";

    private enum Step { READ, APPEND, DELETE }

    private final SheetsModel sheets;
    private final ArchiveParams archive;
    private final RowTimes rowTimes;
    private final List<GridBudget> archiveWorkbooks = new ArrayList<>();
    private final List<Long> runStarts = new ArrayList<>();
    private final List<ArchiveRun> finishedRuns = new ArrayList<>();

    private long nextRunStart;
    private boolean running;
    private long runStart;
    private long cutoff;
    private int cursor;
    private Step step = Step.READ;
    private int pendingRows;
    private long nextCallAt = Long.MAX_VALUE;
    private long runCalls;
    private long runThrottles;
    private long runRowsMoved;

    private long calls;
    private long throttles;
    private long failedCalls;
    private long cellLimitFailures;
    private long rowsMoved;
    private long busyMillis;
    private long userThrottles;

    /**
     * Creates the model around {@code sheets}, live from {@code startMillis}. The rows that the
     * users' tabs already contain count as stored at {@code startMillis}, unless
     * {@code previous} is an archiving model whose store times they keep.
     */
    public SheetsArchiveModel(SheetsModel sheets, ArchiveParams archive, long startMillis,
            SheetsArchiveModel previous) {
        this.sheets = sheets;
        this.archive = archive;
        this.rowTimes = new RowTimes();
        for (int user = 0; user < sheets.userBound(); user++) {
            int rows = sheets.rows(user);
            if (sheets.workbookOf(user) < 0 || rows == 0) {
                continue;
            }
            int known = previous == null ? 0 : Math.min(rows, previous.rowTimes.size(user));
            int recordedFrom = previous == null ? 0 : previous.rowTimes.size(user) - known;
            for (int row = 0; row < known; row++) {
                rowTimes.add(user, previous.rowTimes.timeMillis(user, recordedFrom + row), 1);
            }
            rowTimes.add(user, startMillis, rows - known);
        }
        this.nextRunStart = archive.firstRunAtOrAfter(startMillis);
    }

    /** Returns the Sheets model whose tabs the job archives. */
    public SheetsModel sheets() {
        return sheets;
    }

    /** Returns the archive workbooks opened so far. */
    public int archiveWorkbooks() {
        return archiveWorkbooks.size();
    }

    /** Returns the runs that have finished, oldest first. */
    public List<ArchiveRun> finishedRuns() {
        return List.copyOf(finishedRuns);
    }

    @Override
    public String name() {
        return sheets.name() + " + archive";
    }

    @Override
    public CallOutcome signUp(int user, String email, long now) {
        return countUserCall(sheets.signUp(user, email, now));
    }

    @Override
    public CallOutcome signUpBeforeStart(int user, String email, int rows) {
        CallOutcome outcome = sheets.signUpBeforeStart(user, email, rows);
        if (outcome.succeeded() && rows > 0) {
            rowTimes.add(user, 0, rows);
        }
        return outcome;
    }

    /** Reads the user's recent rows only; the latency grows with them alone. */
    @Override
    public CallOutcome readBalance(int user, long now) {
        return countUserCall(sheets.readBalance(user, now));
    }

    /** Makes the user's write call of a rejected debit, which moves no row. */
    @Override
    public CallOutcome rejectedWrite(int user, long now) {
        return countUserCall(sheets.rejectedWrite(user, now));
    }

    @Override
    public CallOutcome appendRow(int user, long now) {
        CallOutcome append = countUserCall(sheets.appendRow(user, now));
        if (append.succeeded()) {
            rowTimes.add(user, now + append.latencyMillis(), 1);
        }
        return append;
    }

    @Override
    public long nextJobCallMillis(long now) {
        return running ? nextCallAt : nextRunStart;
    }

    /**
     * Makes the job's next call: it starts a run when none is going on, then makes the current
     * user's next step, or ends the run after the last user.
     */
    @Override
    public long runJobCall(long now) {
        if (!running) {
            startRun(now);
        }
        while (cursor < sheets.userBound() && sheets.workbookOf(cursor) < 0) {
            cursor++;
        }
        if (cursor >= sheets.userBound()) {
            finishRun(now);
            return nextRunStart;
        }
        CallOutcome outcome = switch (step) {
            case READ -> readOldRows(now);
            case APPEND -> appendToArchive(now);
            case DELETE -> deleteFromTab(now);
        };
        calls += outcome.requests();
        runCalls += outcome.requests();
        throttles += outcome.throttles();
        runThrottles += outcome.throttles();
        busyMillis += outcome.latencyMillis();
        if (!outcome.succeeded()) {
            failedCalls++;
            if (ARCHIVE_CELLS.equals(outcome.limit())) {
                cellLimitFailures++;
            }
            nextUser();
        }
        nextCallAt = now + outcome.latencyMillis();
        return nextCallAt;
    }

    private void startRun(long now) {
        running = true;
        runStart = now;
        cutoff = now - archive.keepMillis();
        cursor = 0;
        step = Step.READ;
        runCalls = 0;
        runThrottles = 0;
        runRowsMoved = 0;
        runStarts.add(now);
        archiveWorkbooks.add(new GridBudget(archive.cellLimit()));
    }

    private void finishRun(long now) {
        running = false;
        finishedRuns.add(new ArchiveRun(runStart, now, runCalls, runThrottles, runRowsMoved));
        nextCallAt = Long.MAX_VALUE;
        nextRunStart = archive.firstRunAtOrAfter(Math.max(now, runStart + 1));
    }

    private CallOutcome readOldRows(long now) {
        CallOutcome read = sheets.call(cursor, RequestKind.READ, now, sheets.rows(cursor));
        if (!read.succeeded()) {
            return read;
        }
        pendingRows = Math.min(rowTimes.olderThan(cursor, cutoff), sheets.rows(cursor));
        if (pendingRows == 0) {
            nextUser();
        } else {
            step = Step.APPEND;
        }
        return read;
    }

    private CallOutcome appendToArchive(long now) {
        CallOutcome append = sheets.call(cursor, RequestKind.WRITE, now, pendingRows);
        if (!append.succeeded()) {
            return append;
        }
        if (!placeArchiveTab(cursor, pendingRows)) {
            return append.failedOn(ARCHIVE_CELLS);
        }
        step = Step.DELETE;
        return append;
    }

    private CallOutcome deleteFromTab(long now) {
        CallOutcome delete = sheets.call(cursor, RequestKind.WRITE, now, sheets.rows(cursor));
        if (delete.succeeded()) {
            sheets.deleteOldestRows(cursor, pendingRows);
            rowTimes.removeOldest(cursor, pendingRows);
            rowsMoved += pendingRows;
            runRowsMoved += pendingRows;
            nextUser();
        }
        return delete;
    }

    /**
     * Adds the user's tab of {@code rows} rows to the newest archive workbook, or to a new one
     * when it would pass the cell limit; returns false if it does not fit an empty workbook.
     */
    private boolean placeArchiveTab(int user, int rows) {
        SheetsParams params = sheets.params();
        Grid added = params.gridPolicy() == GridPolicy.DEFAULT_GRID
                ? params.defaultGrid() : new Grid(1, params.rowColumns());
        Grid grid = new Grid(Math.max(added.rowCount(), rows),
                Math.max(added.columnCount(), params.rowColumns()));
        if (grid.cells() > archive.cellLimit()) {
            return false;
        }
        GridBudget newest = archiveWorkbooks.get(archiveWorkbooks.size() - 1);
        if (newest.remainingCells() < grid.cells()) {
            newest = new GridBudget(archive.cellLimit());
            archiveWorkbooks.add(newest);
        }
        try {
            newest.addTab(user, grid);
        } catch (SheetsLimitException | IllegalArgumentException notPlaced) {
            return false;
        }
        return true;
    }

    private void nextUser() {
        cursor++;
        step = Step.READ;
        pendingRows = 0;
    }

    private CallOutcome countUserCall(CallOutcome outcome) {
        if (running) {
            userThrottles += outcome.throttles();
        }
        return outcome;
    }

    @Override
    public List<LimitGauge> gauges() {
        List<LimitGauge> gauges = new ArrayList<>(sheets.gauges());
        long newestCells = archiveWorkbooks.isEmpty()
                ? 0 : archiveWorkbooks.get(archiveWorkbooks.size() - 1).cells();
        gauges.add(new LimitGauge(ARCHIVE_CELLS, "archive-newest", newestCells,
                archive.cellLimit()));
        return gauges;
    }

    @Override
    public List<QuotaCount> throttlesByQuota() {
        return sheets.throttlesByQuota();
    }

    @Override
    public ArchiveCount archiveCount() {
        return new ArchiveCount(runStarts.size(), calls, throttles, failedCalls,
                cellLimitFailures, rowsMoved, busyMillis, userThrottles);
    }

    /**
     * Returns the cost of the runs started in {@code [from, to)} as {@value #ARCHIVE_RUNS}, or
     * no cost when a run is free. Sheets itself is free.
     */
    @Override
    public HostingCost hostingCost(long from, long to) {
        if (archive.costPerRunMicros() == 0) {
            return HostingCost.NONE;
        }
        long started = runStarts.stream().filter(start -> start >= from && start < to).count();
        return HostingCost.of(ARCHIVE_RUNS,
                Math.multiplyExact(started, archive.costPerRunMicros()));
    }

    /**
     * One finished run of the archive job.
     *
     * @param startMillis when the run started
     * @param endMillis when its last call returned
     * @param calls API requests it made, retries included
     * @param throttles its attempts that a quota rejected
     * @param rowsMoved rows it moved out of users' tabs
     */
    public record ArchiveRun(long startMillis, long endMillis, long calls, long throttles,
            long rowsMoved) {
    }
}
