package dev.headroom.cli;

import dev.headroom.projection.Projections;
import dev.headroom.report.ReportHeader;
import dev.headroom.report.SweepReport;
import dev.headroom.run.RunProgress;
import dev.headroom.run.RunSetup;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.InvalidScenarioException;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import dev.headroom.sweep.PlanOutline;
import dev.headroom.sweep.SeedList;
import dev.headroom.sweep.SeedOutcome;
import dev.headroom.sweep.SweepTables;
import dev.headroom.sweep.TriggerOrderNotes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * {@code headroom sweep}: runs one scenario under several seeds and reports how far the binding
 * dates, phase changes, failures and costs move from seed to seed.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Simulate a scenario (the bundled seed plan when none is given) once per"
                + " seed, write CSV and Markdown tables of how its results spread over the seeds"
                + " into the output folder and print them.")
final class SweepCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SweepCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "The scenario YAML file; the bundled seed plan when left out.")
    private Path file;

    @Option(names = "--seeds", paramLabel = "LIST", required = true,
            description = "Seeds to run: whole numbers and ranges, such as 1..10 or 1,4,9.")
    private String seedText;

    @Option(names = "--days", paramLabel = "N", converter = OptionConverters.Days.class,
            description = "Simulated days to run, in place of the scenario's horizon.")
    private Long days;

    @Option(names = "--jobs", paramLabel = "N", converter = OptionConverters.Jobs.class,
            description = "Seeds run at the same time (default: the number of processors).")
    private Integer jobs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "headroom-sweep",
            description = "Folder for the report files (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws InvalidScenarioException, InterruptedException {
        List<Long> seeds = seeds();
        int threads = threads(seeds.size());
        Scenario scenario = ScenarioInput.withDays(ScenarioInput.load(file), days);
        RunSetup setup = ScenarioInput.setup(scenario, file);
        OutputFolder.prepare(out);
        OutputFolder.checkInputs(out, SweepReport.FILE_NAMES, ScenarioInput.inputs(scenario, file));
        try (FolderClaim claim = FolderClaim.of(out)) {
            return sweepAndReport(scenario, setup, seeds, threads);
        }
    }

    private int sweepAndReport(Scenario scenario, RunSetup setup, List<Long> seeds,
            int threads) throws InterruptedException {
        LOG.info("sweep of '{}' started: {} seeds, {} at a time", scenario.name(), seeds.size(),
                threads);
        List<SeedOutcome> outcomes = runAll(setup, seeds, threads);
        LOG.info("sweep of '{}' finished", scenario.name());

        ReportHeader header = new ReportHeader(VersionProvider.version(), scenario.name(),
                Scenarios.canonicalHash(scenario), scenario.seed(), scenario.horizonDays(),
                ScenarioText.lines(scenario));
        PlanOutline plan = PlanOutline.of(scenario);
        Table changes = SweepTables.changes(outcomes, plan);
        SweepReport report = new SweepReport(header, seeds, List.of(
                SweepTables.limits(outcomes), changes, SweepTables.runs(outcomes),
                SweepTables.totals(outcomes)), TriggerOrderNotes.of(changes, plan));
        try {
            report.write(out);
        } catch (IOException e) {
            throw OutputFolder.writeFailed(out, e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.summary(out.toString()));
        stdout.flush();
        return Main.EXIT_OK;
    }

    private List<Long> seeds() {
        try {
            return SeedList.parse(seedText);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--seeds is '" + seedText + "': " + e.getMessage()
                    + "; give whole numbers from 0 and ranges such as 1..10, separated by"
                    + " commas", e);
        }
    }

    private int threads(int seedCount) {
        if (jobs != null && jobs < 1) {
            throw new BadInputException("--jobs is " + jobs + ": it must be at least 1;"
                    + " give --jobs a positive whole number");
        }
        int requested = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        return Math.min(requested, seedCount);
    }

    private static List<SeedOutcome> runAll(RunSetup setup, List<Long> seeds, int threads)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SeedOutcome>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> runOne(setup.withSeed(seed))));
            }
            List<SeedOutcome> outcomes = new ArrayList<>();
            for (Future<SeedOutcome> future : futures) {
                outcomes.add(result(future));
                if (ProgressBar.stderrIsTerminal()) {
                    System.err.printf(Locale.ROOT, "%d of %d seeds done%n", outcomes.size(),
                            seeds.size());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SeedOutcome runOne(RunSetup setup) {
        LOG.info("seed {} started", setup.seed());
        SeedOutcome outcome = SeedOutcome.of(setup.seed(),
                Projections.of(new SimulationRun(setup).run(RunProgress.NONE)));
        LOG.info("seed {} finished", setup.seed());
        return outcome;
    }

    /** Returns a run's outcome, or rethrows the run's own exception or error, unwrapped. */
    private static SeedOutcome result(Future<SeedOutcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
