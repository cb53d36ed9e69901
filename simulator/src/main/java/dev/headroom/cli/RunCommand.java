package dev.headroom.cli;

import dev.headroom.projection.Projections;
import dev.headroom.report.ReportHeader;
import dev.headroom.report.ReportWriter;
import dev.headroom.report.Summary;
import dev.headroom.run.RunProgress;
import dev.headroom.run.RunResult;
import dev.headroom.run.RunSetup;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.InvalidScenarioException;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headroom run}: simulates a scenario, writes the reports and prints the summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate a scenario (the bundled seed plan when none is given), write CSV"
                + " and Markdown reports into the output folder and print a summary.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "The scenario YAML file; the bundled seed plan when left out.")
    private Path file;

    @Option(names = "--seed", paramLabel = "N", converter = OptionConverters.Seed.class,
            description = "Seed of every random stream, in place of the scenario's seed.")
    private Long seed;

    @Option(names = "--days", paramLabel = "N", converter = OptionConverters.Days.class,
            description = "Simulated days to run, in place of the scenario's horizon.")
    private Long days;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "headroom-out",
            description = "Folder for the report files (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--benchmark",
            description = "Also print the simulated events per second and the peak heap.")
    private boolean benchmark;

    @Override
    public Integer call() throws InvalidScenarioException {
        Scenario scenario = withOverrides(ScenarioInput.load(file));
        RunSetup setup = ScenarioInput.setup(scenario, file);
        OutputFolder.prepare(out);
        OutputFolder.checkInputs(out, ReportWriter.FILE_NAMES,
                ScenarioInput.inputs(scenario, file));
        try (FolderClaim claim = FolderClaim.of(out)) {
            return runAndReport(scenario, setup);
        }
    }

    private int runAndReport(Scenario scenario, RunSetup setup) {
        RunBenchmark measurement = benchmark ? RunBenchmark.start() : null;
        RunResult result = simulate(setup);
        if (measurement != null) {
            measurement.simulated(result);
        }

        Projections projections = Projections.of(result);
        ReportHeader header = new ReportHeader(VersionProvider.version(), scenario.name(),
                Scenarios.canonicalHash(scenario), scenario.seed(), scenario.horizonDays(),
                ScenarioText.lines(scenario));
        try {
            ReportWriter.write(out, header, projections);
        } catch (IOException e) {
            throw OutputFolder.writeFailed(out, e);
        }

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(Summary.render(header, projections, out.toString()));
        if (measurement != null) {
            stdout.println(measurement.stop());
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    private Scenario withOverrides(Scenario scenario) {
        Scenario result = scenario;
        if (seed != null) {
            result = result.withSeed(seed);
        }
        return ScenarioInput.withDays(result, days);
    }

    private RunResult simulate(RunSetup setup) {
        SimulationRun run = new SimulationRun(setup);
        if (!ProgressBar.stderrIsTerminal()) {
            return run.run(RunProgress.NONE);
        }
        ProgressBar bar = new ProgressBar(System.err);
        try {
            return run.run(bar);
        } finally {
            bar.finish();
        }
    }
}
