package dev.headroom.bench;

import dev.headroom.routing.RouterKind;
import dev.headroom.routing.ShardRouter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to route one email with each router, over 4,096 precomputed addresses of varied length.
 * The baseline is {@code SHA256_PREFIX}; the plan's {@code CHAR_SUM} is the speed floor.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RouterBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouterBenchmark {

    private static final int EMAIL_COUNT = 4096;
    private static final int MASK = EMAIL_COUNT - 1;

    @Param({"CHAR_SUM", "SHA256_PREFIX", "JUMP", "SLOT_TABLE", "RENDEZVOUS", "RING"})
    public RouterKind router;

    @Param({"5", "64"})
    public int shards;

    private String[] emails;
    private ShardRouter shardRouter;
    private int next;

    @Setup
    public void setUp() {
        emails = Emails.generate(EMAIL_COUNT, 20261204L);
        shardRouter = router.create(shards);
    }

    @Benchmark
    public int route() {
        return shardRouter.route(emails[next++ & MASK]);
    }
}
