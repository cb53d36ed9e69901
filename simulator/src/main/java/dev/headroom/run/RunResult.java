package dev.headroom.run;

import dev.headroom.plan.PhaseChange;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one simulation run produced.
 *
 * @param scenarioName the scenario's name
 * @param seed the seed the run's random streams derived from
 * @param startDate the calendar date of simulated day zero
 * @param days the metrics of each simulated day, in order
 * @param phases the plan's phases, in order
 * @param changes every migration started, in order
 * @param initialDevelopmentCostMicros the development cost of the first phase, charged on day
 *     0, in micro-dollars
 * @param eventsProcessed events the engine handled
 */
public record RunResult(
        String scenarioName,
        long seed,
        LocalDate startDate,
        List<DayRecord> days,
        List<PhaseInfo> phases,
        List<PhaseChange> changes,
        long initialDevelopmentCostMicros,
        long eventsProcessed) {

    public RunResult {
        days = List.copyOf(days);
        phases = List.copyOf(phases);
        changes = List.copyOf(changes);
    }
}
