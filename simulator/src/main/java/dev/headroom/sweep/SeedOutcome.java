package dev.headroom.sweep;

import dev.headroom.projection.CostTable;
import dev.headroom.projection.Projections;
import tech.tablesaw.api.Table;

/**
 * The parts of one seed's projections that a sweep compares.
 *
 * @param seed the run's seed
 * @param limits the run's limit timeline
 * @param changes the run's phase changes
 * @param totalCostMicros the run's total cost over its horizon, in micro-dollars
 * @param failedRequests requests that failed during the run
 * @param failedSignUps sign-ups that failed during the run
 */
public record SeedOutcome(long seed, Table limits, Table changes, long totalCostMicros,
        long failedRequests, long failedSignUps) {

    /** Keeps what a sweep needs of one run's projections, so the daily table can be freed. */
    public static SeedOutcome of(long seed, Projections projections) {
        Table costs = projections.costs();
        Table outages = projections.outages();
        return new SeedOutcome(seed, projections.limits(), projections.changes(),
                costs.longColumn("total_cost_micros").getLong(costs.rowCount() - 1),
                CostTable.sum(outages.longColumn("failed_requests")),
                CostTable.sum(outages.longColumn("failed_sign_ups")));
    }
}
