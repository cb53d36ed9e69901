package dev.headroom.plan;

/**
 * One migration from a phase to the next.
 *
 * @param from the index of the phase serving when the trigger held
 * @param to the index of the phase migrated to
 * @param reason the condition that held, such as {@code users >= 150}
 * @param startMillis the simulated time the migration started (the end of the trigger's day)
 * @param leadTimeMillis the new phase's lead time: it goes live this long after the start
 * @param liveMillis the simulated time the new phase went live, or {@code -1} if it was not
 *     live before the run ended
 * @param usersAtStart users signed up when the migration started
 * @param developmentCostMicros the migration's development cost in micro-dollars
 * @param rowsNotCopied the earlier rows that the new phase's backend could not take when it
 *     went live, because they did not fit under its limit
 */
public record PhaseChange(
        int from,
        int to,
        String reason,
        long startMillis,
        long leadTimeMillis,
        long liveMillis,
        long usersAtStart,
        long developmentCostMicros,
        long rowsNotCopied) {

    /** Returns whether the new phase went live before the run ended. */
    public boolean isLive() {
        return liveMillis >= 0;
    }

    /** Returns a copy with the go-live time set. */
    PhaseChange liveAt(long millis) {
        return new PhaseChange(from, to, reason, startMillis, leadTimeMillis, millis,
                usersAtStart, developmentCostMicros, rowsNotCopied);
    }

    /** Returns a copy with the rows not copied set. */
    PhaseChange withRowsNotCopied(long rows) {
        return new PhaseChange(from, to, reason, startMillis, leadTimeMillis, liveMillis,
                usersAtStart, developmentCostMicros, rows);
    }
}
