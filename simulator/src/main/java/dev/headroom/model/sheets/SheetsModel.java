package dev.headroom.model.sheets;

import dev.headroom.model.BackendModel;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyModel;
import dev.headroom.routing.StickyRouter;
import dev.headroom.sheets.limits.QuotaWindows;
import dev.headroom.sheets.limits.RequestKind;
import dev.headroom.sheets.limits.SheetsLimitException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The plan's Google Sheets ledger as a fast model: one tab per user, in one workbook or in
 * several sharded ones that share the project's quotas.
 *
 * <p>Calls, as the plan's code makes them: a sign-up counts the workbook's tabs (a read) and,
 * when the tab guard allows, adds the user's tab (a write); a balance read reads the user's tab
 * (a read); a logged request appends one row (a write). Each call first passes the per-minute
 * quotas, retrying with Google's backoff, and only then meets the tab guard or the cell limit,
 * so a call that a limit rejects has still used quota. A user whose workbook is full fails to
 * sign up with status {@code CAPACITY} and is never placed in another workbook.
 *
 * <p>Leaves out: two sign-ups racing between the tab count and the add (each sign-up here is
 * atomic), the 180 s request timeout, the payload size, errors other than quotas and limits,
 * and the proxy's balance cache (the caller decides when a read is needed). Hosting costs
 * nothing: "All use of the Google Sheets API is available at no additional cost"
 * (https://developers.google.com/workspace/sheets/api/limits, copy of 2026-04-23).
 * Not thread-safe.
 */
public final class SheetsModel implements BackendModel {

    /** Limit name of the application's tab guard in outcomes and gauges. */
    public static final String TABS = "tabs";
    /** Limit name of Google's cells per workbook in outcomes and gauges. */
    public static final String CELLS = "cells";

    private static final int NOT_PLACED = -1;

    private final SheetsParams params;
    private final ShardParams sharding;
    private final StickyRouter router;
    private final Workbook[] workbooks;
    private final QuotaCaller caller;
    private String[] emails = new String[64];
    private int[] workbookOf = filledNotPlaced(64);
    private int[] rows = new int[64];

    /**
     * Creates the model. Latency draws come from {@code latencyRandom} and backoff jitter from
     * {@code jitterRandom}, so the two can be separate named streams.
     */
    public SheetsModel(SheetsParams params, ShardParams sharding, RandomGenerator latencyRandom,
            RandomGenerator jitterRandom) {
        this.params = params;
        this.sharding = sharding;
        this.router = new StickyRouter(sharding.router().create(sharding.workbooks()));
        this.workbooks = new Workbook[sharding.workbooks()];
        for (int i = 0; i < workbooks.length; i++) {
            workbooks[i] = new Workbook(params);
        }
        QuotaWindows windows = new QuotaWindows(params.quotas(), params.window());
        LatencyModel readLatency = new LatencyModel(params.readLatency(), latencyRandom);
        LatencyModel writeLatency = new LatencyModel(params.writeLatency(), latencyRandom);
        this.caller = new QuotaCaller(windows, params.backoff(), jitterRandom, readLatency,
                writeLatency);
    }

    @Override
    public String name() {
        return workbooks.length == 1 ? "sheets" : "sheets-sharded";
    }

    /** Counts the routed workbook's tabs, then adds the user's tab if the limits allow. */
    @Override
    public CallOutcome signUp(int user, String email, long now) {
        ensureUser(user);
        if (workbookOf[user] != NOT_PLACED) {
            throw new IllegalStateException("user " + user + " (" + email + ") already has a"
                    + " tab in workbook " + workbookOf[user]);
        }
        emails[user] = email;
        // Peeking pins nothing, so a sign-up that fails leaves no entry in the router.
        int index = router.peek(email);
        Workbook workbook = workbooks[index];
        CallOutcome count = caller.call(identity(user), RequestKind.READ, now, 0);
        if (!count.succeeded()) {
            return count;
        }
        if (!params.tabGuard().admitsNewTab(workbook.tabCount())) {
            return count.failedOn(TABS);
        }
        long addAt = now + count.latencyMillis();
        CallOutcome add = combine(count,
                caller.call(identity(user), RequestKind.WRITE, addAt, 0));
        if (!add.succeeded()) {
            return add;
        }
        try {
            workbook.addTab(user);
        } catch (SheetsLimitException cellLimit) {
            return add.failedOn(CELLS);
        }
        router.place(email, index);
        workbookOf[user] = index;
        return add;
    }

    @Override
    public CallOutcome signUpBeforeStart(int user, String email, int tabRows) {
        ensureUser(user);
        int workbook = router.peek(email);
        if (!params.tabGuard().admitsNewTab(workbooks[workbook].tabCount())) {
            return CallOutcome.NONE.failedOn(TABS);
        }
        try {
            placeExisting(user, email, workbook, tabRows);
        } catch (SheetsLimitException cellLimit) {
            return CallOutcome.NONE.failedOn(CELLS);
        }
        return CallOutcome.NONE;
    }

    /** Reads the user's whole tab; the latency grows with its rows. */
    @Override
    public CallOutcome readBalance(int user, long now) {
        requirePlaced(user);
        return caller.call(identity(user), RequestKind.READ, now, rows[user]);
    }

    /**
     * Makes the write call of a rejected debit on the user's tab. Sheets has no conditional
     * write, so the call passes the quotas as an append does and leaves the tab unchanged.
     */
    @Override
    public CallOutcome rejectedWrite(int user, long now) {
        requirePlaced(user);
        return caller.call(identity(user), RequestKind.WRITE, now, rows[user]);
    }

    /** Appends one row, growing the tab's grid when the row falls past its edge. */
    @Override
    public CallOutcome appendRow(int user, long now) {
        requirePlaced(user);
        CallOutcome append = caller.call(identity(user), RequestKind.WRITE, now, rows[user]);
        if (!append.succeeded()) {
            return append;
        }
        try {
            workbooks[workbookOf[user]].reachRow(user, rows[user] + 1);
        } catch (SheetsLimitException cellLimit) {
            return append.failedOn(CELLS);
        }
        rows[user]++;
        return append;
    }

    /**
     * Places a user who already has a tab of {@code tabRows} rows in {@code workbook}, with no
     * API call, as the plan's sharding keeps existing users in the original workbook.
     *
     * @throws SheetsLimitException if the tab does not fit in the workbook's cell budget
     */
    public void placeExisting(int user, String email, int workbook, int tabRows) {
        ensureUser(user);
        router.place(email, workbook);
        workbooks[workbook].addTab(user);
        workbooks[workbook].reachRow(user, tabRows);
        emails[user] = email;
        workbookOf[user] = workbook;
        rows[user] = tabRows;
    }

    /**
     * Places a user whose tab an earlier phase's model holds, in the same workbook and with the
     * same grid, with no API call: the workbook and its tabs stay as they are when a later phase
     * takes them over. A grid that the archive job shrank below the default rows with
     * {@code deleteDimension} therefore stays shrunk.
     *
     * @throws SheetsLimitException if the tab does not fit in the workbook's cell budget
     */
    public void takeOverTab(int user, SheetsModel previous) {
        int workbook = previous.workbookOf(user);
        previous.requirePlaced(user);
        ensureUser(user);
        router.place(previous.emails[user], workbook);
        workbooks[workbook].addTab(user, previous.workbooks[workbook].grid(user));
        workbooks[workbook].reachRow(user, previous.rows[user]);
        emails[user] = previous.emails[user];
        workbookOf[user] = workbook;
        rows[user] = previous.rows[user];
    }

    /** Places every user of {@code previous} in {@code workbook}, keeping their rows. */
    public void adoptUsersFrom(SheetsModel previous, int workbook) {
        for (int user = 0; user < previous.workbookOf.length; user++) {
            if (previous.workbookOf[user] != NOT_PLACED) {
                placeExisting(user, previous.emails[user], workbook, previous.rows[user]);
            }
        }
    }

    /** Returns the workbook of the user's tab, or -1 if the user has none. */
    public int workbookOf(int user) {
        return user < workbookOf.length ? workbookOf[user] : NOT_PLACED;
    }

    /** Returns the rows in the user's tab. */
    public int rows(int user) {
        return user < rows.length ? rows[user] : 0;
    }

    /** Returns one past the highest user index this model has seen. */
    int userBound() {
        return workbookOf.length;
    }

    /** Returns the settings this model was built with. */
    SheetsParams params() {
        return params;
    }

    /**
     * Makes one call by the user's caller identity through the quota windows, as a background
     * job does on the user's tab, without changing the tab.
     */
    CallOutcome call(int user, RequestKind kind, long now, long touchedRows) {
        requirePlaced(user);
        return caller.call(identity(user), kind, now, touchedRows);
    }

    /**
     * Deletes the user's {@code count} oldest rows as {@code deleteDimension} does: the rows
     * leave the tab's grid, so its row count falls by {@code count}, keeping at least one row.
     */
    void deleteOldestRows(int user, int count) {
        requirePlaced(user);
        if (count < 0 || count > rows[user]) {
            throw new IllegalArgumentException("cannot delete " + count + " rows of user " + user
                    + ", whose tab has " + rows[user]);
        }
        workbooks[workbookOf[user]].deleteRows(user, count);
        rows[user] -= count;
    }

    /** Returns the sharding this model was built with. */
    public ShardParams sharding() {
        return sharding;
    }

    @Override
    public List<LimitGauge> gauges() {
        List<LimitGauge> gauges = new ArrayList<>();
        for (int i = 0; i < workbooks.length; i++) {
            String resource = "workbook-" + i;
            gauges.add(new LimitGauge(TABS, resource, workbooks[i].tabCount(),
                    params.tabGuard().maxTabs()));
            gauges.add(new LimitGauge(CELLS, resource, workbooks[i].cells(),
                    workbooks[i].cellLimit()));
        }
        return gauges;
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

    private String identity(int user) {
        return params.identity().callerOf(emails[user]);
    }

    private static CallOutcome combine(CallOutcome first, CallOutcome second) {
        return new CallOutcome(second.status(), first.requests() + second.requests(),
                first.throttles() + second.throttles(),
                first.latencyMillis() + second.latencyMillis(), second.limit());
    }

    private void requirePlaced(int user) {
        if (user < 0 || user >= workbookOf.length || workbookOf[user] == NOT_PLACED) {
            throw new IllegalStateException("user " + user + " has no tab; only users whose"
                    + " sign-up succeeded can read or append");
        }
    }

    private void ensureUser(int user) {
        if (user < 0) {
            throw new IllegalArgumentException("user index " + user + " is negative");
        }
        if (user < workbookOf.length) {
            return;
        }
        int oldLength = workbookOf.length;
        int capacity = Math.max(user + 1, oldLength * 2);
        emails = Arrays.copyOf(emails, capacity);
        workbookOf = Arrays.copyOf(workbookOf, capacity);
        Arrays.fill(workbookOf, oldLength, capacity, NOT_PLACED);
        rows = Arrays.copyOf(rows, capacity);
    }

    private static int[] filledNotPlaced(int capacity) {
        int[] values = new int[capacity];
        Arrays.fill(values, NOT_PLACED);
        return values;
    }
}
