package dev.headroom.bench;

import dev.headroom.engine.Engine;
import dev.headroom.engine.EventHandler;
import dev.headroom.engine.RandomStream;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * Simulated events per second of the same {@link ReferenceModel} on Headroom's engine, on SSJ
 * 3.3.2 (the Stochastic Simulation in Java library, default splay-tree event list), and on a
 * textbook {@link PriorityQueue} loop, plus the random-number floor: the same draws with no
 * engine at all. All four use the same random generator, so the ratios compare engines only.
 * The baseline is {@code ssj}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    static final int EVENTS = 1_000_000;
    private static final long SEED = 20261204L;

    private long runCounter;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long headroom() {
        ReferenceModel model = new ReferenceModel(SEED + runCounter++);
        Engine engine = new Engine(16);
        long[] handled = new long[1];
        EventHandler handler = (eng, kind, user) -> {
            model.onRequest(user, eng.now());
            if (++handled[0] < EVENTS) {
                eng.scheduleAfter(model.nextGapMillis(), 0, user);
            } else {
                eng.stop();
            }
        };
        for (int user = 0; user < ReferenceModel.USERS; user++) {
            engine.scheduleAt(model.nextGapMillis(), 0, user);
        }
        engine.run(Long.MAX_VALUE, handler);
        return model.checksum() + engine.eventsProcessed();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long ssj() {
        ReferenceModel model = new ReferenceModel(SEED + runCounter++);
        Simulator simulator = new Simulator();
        simulator.init();
        long[] handled = new long[1];
        for (int user = 0; user < ReferenceModel.USERS; user++) {
            new RequestEvent(simulator, model, user, handled).schedule(model.nextGapMillis());
        }
        simulator.start();
        return model.checksum() + handled[0];
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long priorityQueue() {
        ReferenceModel model = new ReferenceModel(SEED + runCounter++);
        PriorityQueue<QueuedEvent> queue = new PriorityQueue<>();
        long sequence = 0;
        for (int user = 0; user < ReferenceModel.USERS; user++) {
            queue.add(new QueuedEvent(model.nextGapMillis(), sequence++, user));
        }
        long handled = 0;
        while (handled < EVENTS) {
            QueuedEvent event = queue.poll();
            model.onRequest(event.user, event.time);
            handled++;
            queue.add(new QueuedEvent(event.time + model.nextGapMillis(), sequence++,
                    event.user));
        }
        return model.checksum() + handled;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long randomFloor() {
        ReferenceModel model = new ReferenceModel(SEED + runCounter++);
        long sum = 0;
        for (int i = 0; i < EVENTS; i++) {
            sum += model.nextGapMillis() + (long) (model.nextUniform() * 1024);
        }
        return sum + model.checksum();
    }

    /** SSJ's event, one per user and rescheduled after it runs; SSJ's double time is in ms. */
    private static final class RequestEvent extends Event {
        private final ReferenceModel model;
        private final int user;
        private final long[] handled;

        RequestEvent(Simulator simulator, ReferenceModel model, int user, long[] handled) {
            super(simulator);
            this.model = model;
            this.user = user;
            this.handled = handled;
        }

        @Override
        public void actions() {
            model.onRequest(user, (long) simulator().time());
            if (++handled[0] < EVENTS) {
                schedule(model.nextGapMillis());
            } else {
                simulator().stop();
            }
        }
    }

    private record QueuedEvent(long time, long sequence, int user)
            implements Comparable<QueuedEvent> {
        @Override
        public int compareTo(QueuedEvent other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
