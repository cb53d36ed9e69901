package dev.headroom.model;

import java.util.List;

/**
 * A fast model of one storage backend serving the proxy's ledger calls.
 *
 * <p>The caller (the simulation run) decides when each call happens; the model applies its
 * limit rules at that simulated time and returns the outcome. Users are dense indexes
 * {@code 0..n-1} with a stable email each. Models are not thread-safe.
 */
public interface BackendModel {

    /** Returns a short name for reports, such as {@code sheets-sharded}. */
    String name();

    /**
     * Makes the calls that the design makes for a new user (for the plan's Sheets design: count
     * tabs, then add a tab) and places the user.
     */
    CallOutcome signUp(int user, String email, long now);

    /**
     * Places a user who signed up before the run began, with a ledger of {@code rows} rows
     * already stored: their tab or items exist, so no API call is made and no quota is used.
     * A capacity limit can still refuse them, as it would have refused their sign-up.
     *
     * @return an outcome of no request, failed with the limit's name if the user does not fit
     */
    CallOutcome signUpBeforeStart(int user, String email, int rows);

    /**
     * Starts a chat request at {@code now}, before its first ledger call. A backend that
     * serves each concurrent request on a resource of its own, such as a database connection,
     * takes one here and keeps it until {@link #endRequest}. Other backends need nothing.
     *
     * @return {@link CallOutcome#NONE} when the request may go on, or a failed outcome that
     *     names the limit that rejected it and counts no backend request. A rejected request
     *     ends without {@link #endRequest}.
     */
    default CallOutcome startRequest(long now) {
        return CallOutcome.NONE;
    }

    /**
     * Ends a chat request that {@link #startRequest} let go on, after its last ledger call,
     * freeing what it held.
     */
    default void endRequest(long now) {
    }

    /** Reads the user's balance once; the caller has already decided that no cache applies. */
    CallOutcome readBalance(int user, long now);

    /** Appends one usage or credit row for the user. */
    CallOutcome appendRow(int user, long now);

    /**
     * Makes the conditional write of a debit that the user's balance does not cover: the call
     * costs what an append costs in quota, latency, locks and request units, but stores nothing.
     */
    CallOutcome rejectedWrite(int user, long now);

    /** Returns the current level of each capacity limit this backend has, for the reports. */
    List<LimitGauge> gauges();

    /** Returns throttled attempts since the start, by quota name, in a stable order. */
    List<QuotaCount> throttlesByQuota();

    /**
     * Returns the balance reads since the start that a cache in front of the store served and
     * missed; {@link CacheCount#NONE} for a backend without such a cache.
     */
    default CacheCount cacheCount() {
        return CacheCount.NONE;
    }

    /**
     * Returns the simulated time of the next call of the backend's background job at or after
     * {@code now}, or {@link Long#MAX_VALUE} for a backend without one. The run schedules an
     * event at that time and calls {@link #runJobCall(long)} from it.
     */
    default long nextJobCallMillis(long now) {
        return Long.MAX_VALUE;
    }

    /**
     * Makes the background job's next call at {@code now} and returns the time of the call
     * after it, or {@link Long#MAX_VALUE} when none is due. Only a backend whose
     * {@link #nextJobCallMillis(long)} returned a time has a job to run.
     */
    default long runJobCall(long now) {
        throw new IllegalStateException(name() + " has no background job");
    }

    /**
     * Returns the rows that the migration into this backend could not copy, because they did
     * not fit under its limit; 0 for a backend that took every row or started empty.
     */
    default long rowsNotImported() {
        return 0;
    }

    /** Returns the archive job's counts since the start; {@link ArchiveCount#NONE} if none. */
    default ArchiveCount archiveCount() {
        return ArchiveCount.NONE;
    }

    /**
     * Returns the hosting cost accrued in {@code [from, to)} by component: storage, request
     * units and fixed node prices as the model prices them. A free backend returns
     * {@link HostingCost#NONE}. Models with a cumulative bill require consecutive intervals.
     */
    HostingCost hostingCost(long from, long to);

    /** Returns the total of {@link #hostingCost(long, long)} in micro-dollars. */
    default long hostingCostMicros(long from, long to) {
        return hostingCost(from, to).total();
    }
}
