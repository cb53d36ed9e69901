package dev.headroom.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read one user's balance under each {@link BalanceDesign}, for a user with 10, 1,000
 * or 100,000 rows among 50,000 rows of 500 other users ({@link BalanceHistory}), in memory and
 * through the JDBC ledger on SQLite and PostgreSQL. The baseline is {@code SUM_ALL_ROWS}, the
 * scaling plan's design. Set-up loads the history, stores the snapshot and checks that all
 * three designs return the same balance before anything is measured.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BalanceBenchmark}. A short pass:
 * {@code java -jar benchmarks/target/benchmarks.jar BalanceBenchmark -f 1 -wi 1 -i 1 -w 1s
 * -r 1s}; add {@code -p store=MEMORY,SQLITE} to skip the PostgreSQL server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BalanceBenchmark {

    private static final long SEED = 20261204L;

    @Param({"SUM_ALL_ROWS", "RUNNING_BALANCE", "SNAPSHOT_RECENT"})
    public BalanceDesign design;

    @Param({"10", "1000", "100000"})
    public int rows;

    @Param({"MEMORY", "SQLITE", "POSTGRESQL"})
    public BalanceStore store;

    private BalanceReads reads;
    private ToLongFunction<String> read;
    private String email;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BalanceHistory history = BalanceHistory.generate(rows, SEED);
        reads = store.load(history);
        email = history.targetEmail();
        read = design.reader(reads);
        for (BalanceDesign each : BalanceDesign.values()) {
            long balance = each.reader(reads).applyAsLong(email);
            if (balance != history.targetBalanceMicros()) {
                throw new IllegalStateException(each + " on " + store + " read " + balance
                        + " micro-dollars for " + email + " but the history sums to "
                        + history.targetBalanceMicros());
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        reads.close();
    }

    @Benchmark
    public long balance() {
        return read.applyAsLong(email);
    }
}
