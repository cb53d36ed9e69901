package dev.headroom.run;

/**
 * The facts about one phase of the plan that the reports use.
 *
 * @param name the phase's name
 * @param backend a description of its backend, such as {@code sheets-sharded x5 char-sum}
 * @param workbooks Sheets workbooks the backend spreads users over, zero for other backends
 * @param nominalMaxUsers users the backend holds by its own limits (workbooks times the tab
 *     guard), or {@link Long#MAX_VALUE} when no limit caps users
 * @param leadTimeMillis simulated time from the trigger of the move into this phase until it
 *     goes live
 * @param failureTrigger whether the move off this phase has a failed_requests_per_day or
 *     failed_sign_ups_per_day trigger
 */
public record PhaseInfo(String name, String backend, int workbooks, long nominalMaxUsers,
        long leadTimeMillis, boolean failureTrigger) {

    /** Describes a phase with no lead time and no failure trigger, such as a test's. */
    public PhaseInfo(String name, String backend, int workbooks, long nominalMaxUsers) {
        this(name, backend, workbooks, nominalMaxUsers, 0, false);
    }

    /** Returns whether a limit caps the users of this backend. */
    public boolean bounded() {
        return nominalMaxUsers != Long.MAX_VALUE;
    }
}
