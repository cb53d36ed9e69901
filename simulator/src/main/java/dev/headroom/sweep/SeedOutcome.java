package dev.headroom.sweep;

import dev.headroom.projection.CostTable;
import dev.headroom.projection.DailyTable;
import dev.headroom.projection.OutageTable;
import dev.headroom.projection.Projections;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The parts of one seed's projections that a sweep compares.
 *
 * @param seed the run's seed
 * @param limits the run's limit timeline
 * @param changes the run's phase changes
 * @param outages the run's failures by phase and situation
 * @param totalCostMicros the run's total cost over its horizon, in micro-dollars
 * @param usersByDay the users placed at the end of each simulated day, from the first
 */
public record SeedOutcome(long seed, Table limits, Table changes, Table outages,
        long totalCostMicros, long[] usersByDay) {

    /** Creates an outcome without daily users, which ranks last in users_trigger_p10. */
    public SeedOutcome(long seed, Table limits, Table changes, Table outages,
            long totalCostMicros) {
        this(seed, limits, changes, outages, totalCostMicros, new long[0]);
    }

    /** Keeps what a sweep needs of one run's projections, so the daily table can be freed. */
    public static SeedOutcome of(long seed, Projections projections) {
        Table costs = projections.costs();
        return new SeedOutcome(seed, projections.limits(), projections.changes(),
                projections.outages(),
                costs.longColumn("total_cost_micros").getLong(costs.rowCount() - 1),
                usersByDay(projections.daily()));
    }

    /**
     * Returns the users at the end of each day of the daily table. A day on which a phase went
     * live after midnight has two rows, and its last row ends the day.
     */
    private static long[] usersByDay(Table daily) {
        IntColumn days = daily.intColumn("day");
        LongColumn users = daily.longColumn("users");
        long[] byDay = new long[DailyTable.dayCount(daily)];
        for (int row = 0; row < daily.rowCount(); row++) {
            byDay[days.getInt(row)] = users.getLong(row);
        }
        return byDay;
    }

    /** Returns the requests that failed during the run. */
    public long failedRequests() {
        return CostTable.sum(outages.longColumn("failed_requests"));
    }

    /** Returns the sign-ups that failed during the run. */
    public long failedSignUps() {
        return CostTable.sum(outages.longColumn("failed_sign_ups"));
    }

    /**
     * Returns the requests that failed while no migration was under way, so while the serving
     * phase's trigger had not yet fired or the phase had no successor.
     */
    public long failedRequestsNoMigration() {
        Table idle = outages.where(outages.stringColumn("situation")
                .isEqualTo(OutageTable.NO_MIGRATION));
        return CostTable.sum(idle.longColumn("failed_requests"));
    }

    /** Returns the first day a request or sign-up failed, or an empty text if none did. */
    public String firstFailure() {
        return outages.stringColumn("first_failure").asList().stream()
                .min(String::compareTo).orElse("");
    }
}
