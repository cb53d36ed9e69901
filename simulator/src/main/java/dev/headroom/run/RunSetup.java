package dev.headroom.run;

import dev.headroom.engine.RandomStreams;
import dev.headroom.model.credit.AdmissionParams;
import dev.headroom.plan.Plan;
import dev.headroom.workload.WorkloadSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a {@link SimulationRun} needs, resolved from a scenario.
 *
 * @param scenarioName the scenario's name, for logs and reports
 * @param seed the seed of every random stream of the run
 * @param startDate the calendar date of simulated day zero
 * @param horizonDays simulated days to run, at least 1
 * @param workload the synthetic workload's parameters
 * @param admission how requests are admitted against credit
 * @param phases what the reports need of each phase, in plan order
 * @param plan builds the plan with backend factories that draw from the run's streams
 */
public record RunSetup(
        String scenarioName,
        long seed,
        LocalDate startDate,
        int horizonDays,
        WorkloadSpec workload,
        AdmissionParams admission,
        List<PhaseInfo> phases,
        Function<RandomStreams, Plan> plan) {

    public RunSetup {
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(admission, "admission");
        phases = List.copyOf(phases);
        Objects.requireNonNull(plan, "plan");
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon is " + horizonDays
                    + " days; it must be at least 1 day");
        }
    }

    /** Returns a copy whose random streams derive from {@code newSeed}. */
    public RunSetup withSeed(long newSeed) {
        return new RunSetup(scenarioName, newSeed, startDate, horizonDays,
                workload, admission, phases, plan);
    }

    /** Returns a copy that runs for {@code days} simulated days. */
    public RunSetup withHorizonDays(int days) {
        return new RunSetup(scenarioName, seed, startDate, days,
                workload, admission, phases, plan);
    }
}
