package dev.headroom.cli;

import dev.headroom.scenario.InvalidScenarioException;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code headroom validate SCENARIO}: checks a scenario file without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and print its name and hash, or every problem"
                + " with its file:line:column and field path.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
    private Path file;

    @Override
    public Integer call() throws InvalidScenarioException {
        Scenario scenario = Scenarios.load(file);
        ScenarioInput.setup(scenario, file);
        spec.commandLine().getOut().println(file + ": valid scenario '" + scenario.name()
                + "', hash " + Scenarios.canonicalHash(scenario));
        return Main.EXIT_OK;
    }
}
