package dev.headroom.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows a plan through a run: which phase is live, which migration is under way, and every
 * phase change so far.
 *
 * <p>The caller reports the end of each simulated day with {@link #onDayEnd}; when the live
 * phase's trigger holds and no migration is under way, a migration to the next phase starts. The
 * caller then calls {@link #goLive} once the migration's lead time has passed. Not thread-safe.
 */
public final class PlanTracker {

    private final Plan plan;
    private final List<PhaseChange> changes = new ArrayList<>();
    private int live;
    private int pendingIndex = -1;

    public PlanTracker(Plan plan) {
        this.plan = plan;
    }

    /** Returns the plan being followed. */
    public Plan plan() {
        return plan;
    }

    /** Returns the index of the phase that serves now. */
    public int livePhase() {
        return live;
    }

    /** Returns the migration under way, if any. */
    public Optional<PhaseChange> pending() {
        return pendingIndex < 0 ? Optional.empty() : Optional.of(changes.get(pendingIndex));
    }

    /** Returns every migration started so far, in order, live or not. */
    public List<PhaseChange> changes() {
        return List.copyOf(changes);
    }

    /**
     * Evaluates the live phase's trigger on a finished day and starts the migration to the next
     * phase if it holds.
     *
     * @param day the finished day's metrics
     * @param endOfDayMillis the simulated time at which the day ended
     * @return the migration started, or empty if none started
     */
    public Optional<PhaseChange> onDayEnd(DayObservation day, long endOfDayMillis) {
        boolean lastPhase = live + 1 >= plan.phases().size();
        if (pendingIndex >= 0 || lastPhase) {
            return Optional.empty();
        }
        Optional<Condition> met = plan.phases().get(live).next().firstMet(day);
        if (met.isEmpty()) {
            return Optional.empty();
        }
        PhaseChange change = new PhaseChange(live, live + 1, met.get().describe(),
                endOfDayMillis, plan.phases().get(live + 1).leadTimeMillis(), -1, day.users(),
                plan.developmentCostMicros(live + 1), 0);
        changes.add(change);
        pendingIndex = changes.size() - 1;
        return Optional.of(change);
    }

    /** Returns the simulated time at which the pending migration goes live. */
    public long pendingLiveMillis() {
        PhaseChange change = pending().orElseThrow(
                () -> new IllegalStateException("no migration is under way"));
        return change.startMillis() + change.leadTimeMillis();
    }

    /**
     * Completes the pending migration: its phase serves from {@code now} on.
     *
     * @return the phase that is now live
     * @throws IllegalStateException if no migration is under way
     */
    public Phase goLive(long now) {
        PhaseChange change = pending().orElseThrow(
                () -> new IllegalStateException("no migration is under way"));
        changes.set(pendingIndex, change.liveAt(now));
        pendingIndex = -1;
        live = change.to();
        return plan.phases().get(live);
    }

    /**
     * Records the rows that the backend of the migration that went live last could not take
     * from the earlier backend.
     *
     * @throws IllegalStateException if no migration went live yet or one is under way
     */
    public void rowsNotCopied(long rows) {
        if (pendingIndex >= 0 || changes.isEmpty()) {
            throw new IllegalStateException("no migration has gone live, or one is under way");
        }
        int last = changes.size() - 1;
        changes.set(last, changes.get(last).withRowsNotCopied(rows));
    }
}
