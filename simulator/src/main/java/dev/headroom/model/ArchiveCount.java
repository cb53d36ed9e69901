package dev.headroom.model;

/**
 * Cumulative counts of a backend's archive job, which moves old rows out of the live store.
 *
 * @param runs job runs started
 * @param calls API requests the job made, retries included
 * @param throttles job attempts that a quota rejected
 * @param failedCalls job calls that failed after their retries or on a capacity limit
 * @param cellLimitFailures failed job calls that the archive workbook's cell limit rejected
 * @param rowsMoved rows deleted from the live store after their copy reached the archive
 * @param busyMillis simulated time the job spent in its calls, backoff waits included
 * @param userThrottles attempts of users' calls that a quota rejected while a run was going on
 */
public record ArchiveCount(long runs, long calls, long throttles, long failedCalls,
        long cellLimitFailures, long rowsMoved, long busyMillis, long userThrottles) {

    /** The count of a backend without an archive job. */
    public static final ArchiveCount NONE = new ArchiveCount(0, 0, 0, 0, 0, 0, 0, 0);

    /** Returns each count plus the other's. */
    public ArchiveCount plus(ArchiveCount other) {
        return new ArchiveCount(runs + other.runs, calls + other.calls,
                throttles + other.throttles, failedCalls + other.failedCalls,
                cellLimitFailures + other.cellLimitFailures, rowsMoved + other.rowsMoved,
                busyMillis + other.busyMillis, userThrottles + other.userThrottles);
    }

    /** Returns each count minus the other's, such as the change since an earlier count. */
    public ArchiveCount minus(ArchiveCount other) {
        return new ArchiveCount(runs - other.runs, calls - other.calls,
                throttles - other.throttles, failedCalls - other.failedCalls,
                cellLimitFailures - other.cellLimitFailures, rowsMoved - other.rowsMoved,
                busyMillis - other.busyMillis, userThrottles - other.userThrottles);
    }
}
