package dev.headroom.model.sheets;

import dev.headroom.model.BackendModel;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyModel;
import dev.headroom.sheets.limits.QuotaWindows;
import dev.headroom.sheets.limits.RequestKind;
import dev.headroom.sheets.limits.SheetsLimitException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The plan's shared log: one workbook with one tab that contains every user's rows, with the email
 * as an extra column. A sign-up makes no call, since no tab is added. A balance read fetches the
 * whole tab and filters it, so its latency grows with the rows of all users, and an append grows
 * the one tab's grid, so Google's cell limit caps the rows of all users together. The quotas are
 * those of {@link SheetsModel}.
 *
 * <p>NOTE: the plan's code caches the fetched tab across users. Here each balance read that the
 * run's balance cache does not serve fetches it again. Google's limits on the size of one
 * response are left out.
 */
public final class SharedLogModel implements BackendModel {

    /** The grid key of the shared tab in the workbook's cell budget. */
    private static final int LOG_TAB = 0;

    private final SheetsParams params;
    private final Workbook workbook;
    private final QuotaCaller caller;
    private String[] emails = new String[64];
    private int rows;
    private long rowsNotImported;

    /**
     * Creates the model with an empty shared tab. {@code params.rowColumns()} is the width of a
     * usage row without the email column, which this model adds.
     */
    public SharedLogModel(SheetsParams params, RandomGenerator latencyRandom,
            RandomGenerator jitterRandom) {
        this.params = withEmailColumn(params);
        this.workbook = new Workbook(this.params);
        this.workbook.addTab(LOG_TAB);
        QuotaWindows windows = new QuotaWindows(params.quotas(), params.window());
        this.caller = new QuotaCaller(windows, params.backoff(), jitterRandom,
                new LatencyModel(params.readLatency(), latencyRandom),
                new LatencyModel(params.writeLatency(), latencyRandom));
    }

    @Override
    public String name() {
        return "sheets-shared-log";
    }

    /** Records the user's email. A new user needs no call, because no tab is added. */
    @Override
    public CallOutcome signUp(int user, String email, long now) {
        remember(user, email);
        return CallOutcome.NONE;
    }

    @Override
    public CallOutcome signUpBeforeStart(int user, String email, int userRows) {
        remember(user, email);
        if (!addRows(userRows)) {
            return CallOutcome.NONE.failedOn(SheetsModel.CELLS);
        }
        return CallOutcome.NONE;
    }

    /**
     * Copies as many of a user's rows from an earlier backend as fit under the cell limit into
     * the shared tab, as a migration does, with no call.
     *
     * @return the rows copied
     */
    public int importRows(int user, String email, int userRows) {
        remember(user, email);
        if (addRows(userRows)) {
            return userRows;
        }
        int room = roomLeft();
        addRows(room);
        rowsNotImported += userRows - room;
        return room;
    }

    @Override
    public long rowsNotImported() {
        return rowsNotImported;
    }

    /** Fetches the whole shared tab, so the latency grows with every user's rows. */
    @Override
    public CallOutcome readBalance(int user, long now) {
        return caller.call(identity(user), RequestKind.READ, now, rows);
    }

    /** Makes the write call of a rejected debit, which leaves the shared tab unchanged. */
    @Override
    public CallOutcome rejectedWrite(int user, long now) {
        return caller.call(identity(user), RequestKind.WRITE, now, rows);
    }

    /** Appends one row with the user's email, growing the shared tab's grid past its edge. */
    @Override
    public CallOutcome appendRow(int user, long now) {
        CallOutcome append = caller.call(identity(user), RequestKind.WRITE, now, rows);
        if (!append.succeeded()) {
            return append;
        }
        return addRows(1) ? append : append.failedOn(SheetsModel.CELLS);
    }

    /** Returns the rows of the shared tab. */
    public int rows() {
        return rows;
    }

    @Override
    public List<LimitGauge> gauges() {
        return List.of(
                new LimitGauge(SheetsModel.TABS, "workbook-0", workbook.tabCount(),
                        params.tabGuard().maxTabs()),
                new LimitGauge(SheetsModel.CELLS, "workbook-0", workbook.cells(),
                        workbook.cellLimit()));
    }

    @Override
    public List<QuotaCount> throttlesByQuota() {
        return caller.throttlesByQuota();
    }

    /** Returns no cost: the Sheets API is free of charge. */
    @Override
    public HostingCost hostingCost(long from, long to) {
        return HostingCost.NONE;
    }

    /** Returns how many more rows fit under the cell limit. */
    private int roomLeft() {
        return Math.max(0, workbook.maxRows(LOG_TAB) - rows);
    }

    private boolean addRows(int added) {
        try {
            workbook.reachRow(LOG_TAB, rows + added);
        } catch (SheetsLimitException cellLimit) {
            return false;
        }
        rows += added;
        return true;
    }

    private void remember(int user, String email) {
        if (user < 0) {
            throw new IllegalArgumentException("user index " + user + " is negative");
        }
        if (user >= emails.length) {
            emails = Arrays.copyOf(emails, Math.max(user + 1, emails.length * 2));
        }
        emails[user] = email;
    }

    private String identity(int user) {
        return params.identity().callerOf(emails[user]);
    }

    private static SheetsParams withEmailColumn(SheetsParams params) {
        return new SheetsParams(params.tabGuard(), params.cellLimit(), params.gridPolicy(),
                params.defaultGrid(), params.rowColumns() + 1, params.presetTabs(),
                params.identity(), params.quotas(), params.window(), params.backoff(),
                params.readLatency(), params.writeLatency());
    }
}
