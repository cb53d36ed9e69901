package dev.headroom.cli;

import dev.headroom.run.UnreachableTriggers;
import dev.headroom.scenario.IdleDax;
import dev.headroom.scenario.InvalidScenarioException;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioProblem;
import dev.headroom.scenario.Scenarios;
import dev.headroom.scenario.UnusedSections;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code headroom validate SCENARIO}: checks a scenario file without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and print its name, its hash and a note for each"
                + " settings section that no phase reads, each trigger that cannot fire"
                + " within the horizon and a DAX cluster that can serve no read, or every problem"
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
        PrintWriter out = spec.commandLine().getOut();
        out.println(file + ": valid scenario '" + scenario.name()
                + "', hash " + Scenarios.canonicalHash(scenario));
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<ScenarioProblem> notes = new ArrayList<>(
                    UnusedSections.find(text, file.toString(), scenario));
            notes.addAll(UnreachableTriggers.find(text, file.toString(), scenario));
            IdleDax.find(text, file.toString(), scenario).ifPresent(notes::add);
            for (ScenarioProblem note : notes) {
                out.println("note: " + note);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.EXIT_OK;
    }
}
