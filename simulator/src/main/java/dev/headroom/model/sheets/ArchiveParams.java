package dev.headroom.model.sheets;

/**
 * Settings of the monthly job that moves old rows out of the users' tabs into archive
 * workbooks.
 *
 * @param keepMillis rows younger than this stay in the user's tab
 * @param everyMillis time between two runs of the job
 * @param startsAtMillis time of day at which a run starts, after midnight of the run's day
 * @param cellLimit cells of one archive workbook, counted over every tab's grid as Google
 *     counts them
 * @param costPerRunMicros cost of one run of the job in micro-dollars, zero when none is given
 */
public record ArchiveParams(long keepMillis, long everyMillis, long startsAtMillis,
        long cellLimit, long costPerRunMicros) {

    private static final long DAY_MILLIS = 86_400_000L;

    public ArchiveParams {
        if (keepMillis < 1 || everyMillis < 1) {
            throw new IllegalArgumentException("keep (" + keepMillis + " ms) and every ("
                    + everyMillis + " ms) must be positive");
        }
        if (startsAtMillis < 0 || startsAtMillis >= DAY_MILLIS) {
            throw new IllegalArgumentException("start time " + startsAtMillis
                    + " ms is not within a day");
        }
        if (cellLimit < 1 || costPerRunMicros < 0) {
            throw new IllegalArgumentException("cell limit " + cellLimit + " must be positive"
                    + " and cost per run " + costPerRunMicros + " must not be negative");
        }
    }

    /**
     * Returns the start of the first run at or after {@code from}: runs start {@code every}
     * apart, the first one {@code every} after the run's start, each at the time of day.
     */
    long firstRunAtOrAfter(long from) {
        long run = Math.max(1, Math.floorDiv(from - startsAtMillis, everyMillis));
        long start = run * everyMillis + startsAtMillis;
        return start >= from ? start : start + everyMillis;
    }
}
