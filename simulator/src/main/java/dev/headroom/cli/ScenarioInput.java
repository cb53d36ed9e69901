package dev.headroom.cli;

import dev.headroom.run.RunSetup;
import dev.headroom.run.RunSetups;
import dev.headroom.scenario.InvalidScenarioException;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Scenarios;
import dev.headroom.scenario.TokenSizes;
import dev.headroom.workload.InputFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads a scenario named on the command line and resolves it into a run's setup. */
final class ScenarioInput {

    private ScenarioInput() {
    }

    /** Loads the file, or the bundled seed plan when {@code file} is {@code null}. */
    static Scenario load(Path file) throws InvalidScenarioException {
        return file == null ? Scenarios.loadDefault() : Scenarios.load(file);
    }

    /**
     * Returns the scenario with a horizon of {@code days} days, or unchanged when {@code days}
     * is {@code null}.
     *
     * @throws BadInputException if the horizon is outside what a scenario file accepts
     */
    static Scenario withDays(Scenario scenario, Long days) {
        if (days == null) {
            return scenario;
        }
        long maxDays = Scenarios.maxHorizonDays(scenario.startDate());
        if (days < 1 || days > maxDays) {
            String reason = maxDays < Scenarios.maxHorizonDays()
                    ? " (the run starts on " + scenario.startDate() + " and dates end at "
                            + Scenarios.LAST_DATE + ")"
                    : "";
            throw new BadInputException("--days is " + days + ": out of range: it must be"
                    + " from 1 to " + maxDays + " days" + reason + "; give --days a number of"
                    + " days in that range");
        }
        return scenario.withHorizon(Duration.ofDays(days));
    }

    /**
     * Returns the files a run reads, each mapped to its description for messages: the scenario
     * file, unless it is the bundled seed plan, and its token-size table, if it names one.
     */
    static Map<Path, String> inputs(Scenario scenario, Path file) {
        Map<Path, String> inputs = new LinkedHashMap<>();
        if (file != null) {
            inputs.put(file, "the scenario file");
        }
        if (scenario.workload().tokenSizes() instanceof TokenSizes.FromFile fromFile) {
            Path baseDir = file == null ? Path.of(".") : file.toAbsolutePath().getParent();
            inputs.put(baseDir.resolve(fromFile.file()), "the scenario's token-size table");
        }
        return inputs;
    }

    /**
     * Resolves a loaded scenario.
     *
     * @throws BadInputException if a value is outside what the workload or a model accepts
     */
    static RunSetup setup(Scenario scenario, Path file) {
        Path baseDir = file == null ? Path.of(".") : file.toAbsolutePath().getParent();
        String where = file == null ? Scenarios.DEFAULT_NAME : file.toString();
        try {
            return RunSetups.of(scenario, baseDir);
        } catch (InputFormatException e) {
            throw e;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new BadInputException(where + ": " + e.getMessage()
                    + "; fix the scenario value it names", e);
        }
    }
}
