package dev.headroom.bench;

import dev.headroom.run.RunProgress;
import dev.headroom.run.RunResult;
import dev.headroom.run.RunSetup;
import dev.headroom.run.RunSetups;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated events per second of the whole simulator (workload, models, plan and daily metrics)
 * on the bundled seed plan, cut to its first {@code days} days. JMH reports the {@code events}
 * counter as a rate; the primary score is runs per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SeedPlanBenchmark}. The whole
 * five-year plan is measured by {@code ./headroom run --benchmark}, which also reports peak heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SeedPlanBenchmark {

    @Param({"365"})
    public int days;

    private RunSetup setup;

    /** Events the engine handled, reported by JMH as events per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup
    public void setUp() {
        Scenario scenario = Scenarios.loadDefault().withHorizon(Duration.ofDays(days));
        setup = RunSetups.of(scenario, Path.of("."));
    }

    @Benchmark
    public long run(Events counter) {
        RunResult result = new SimulationRun(setup).run(RunProgress.NONE);
        counter.events += result.eventsProcessed();
        return result.days().size();
    }
}
