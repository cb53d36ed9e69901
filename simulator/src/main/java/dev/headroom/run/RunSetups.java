package dev.headroom.run;

import dev.headroom.scenario.Scenario;
import java.nio.file.Path;

/** Resolves a scenario into the setup of a {@link SimulationRun}. */
public final class RunSetups {

    private RunSetups() {
    }

    /**
     * Resolves {@code scenario}.
     *
     * @param baseDir the folder that relative paths in the scenario are resolved against
     * @throws IllegalArgumentException if a value is outside what the workload or a model takes
     */
    public static RunSetup of(Scenario scenario, Path baseDir) {
        return new RunSetup(scenario.name(), scenario.seed(), scenario.startDate(),
                scenario.horizonDays(), WorkloadMapping.workload(scenario, baseDir),
                WorkloadMapping.admission(scenario), PlanMapping.phaseInfos(scenario),
                streams -> PlanMapping.plan(scenario, streams));
    }
}
