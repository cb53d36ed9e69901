package dev.headroom.bench;

import dev.headroom.bench.JmhReport.Result;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks the speed targets against one run's results and renders them as a Markdown table, so
 * that the report states which targets the run met. Each target compares two scores of the same
 * run. A target whose scores are missing from the run (for example a pass limited to one
 * benchmark class) is listed as not measured.
 */
final class BenchmarkTargets {

    static final double ENGINE_MIN_TIMES_SSJ = 15;
    static final double ENGINE_MAX_TIMES_FLOOR = 3;
    static final double ROUTER_MAX_TIMES_CHAR_SUM = 1.5;
    static final double ROUTER_MIN_TIMES_FASTER_THAN_SHA = 5;
    static final double BALANCE_MAX_GROWTH = 1.5;

    private static final String RECOMMENDED_ROUTER = "SLOT_TABLE";

    private BenchmarkTargets() {
    }

    /** One target: its wording, the measured ratio with its two scores, and whether it held. */
    record Check(String target, String measured, String met) {
    }

    /** Returns the Markdown section of every target, in the order the benchmarks page lists. */
    static String render(List<Result> results) {
        StringBuilder out = new StringBuilder("## Targets\n\n");
        out.append("| target | measured in this run | met |\n|---|---|---|\n");
        for (Check check : checks(results)) {
            out.append("| ").append(check.target()).append(" | ").append(check.measured())
                    .append(" | ").append(check.met()).append(" |\n");
        }
        out.append("\nOne short pass on a shared machine has wide errors; compare several passes"
                + " before reading a missed target as a regression.\n");
        return out.toString();
    }

    static List<Check> checks(List<Result> results) {
        List<Check> checks = new ArrayList<>();
        checks.add(engineAgainstSsj(results));
        checks.add(engineAgainstFloor(results));
        for (String shards : paramValues(results, "RouterBenchmark", "shards")) {
            checks.add(routerAgainstCharSum(results, shards));
            checks.add(routerAgainstSha(results, shards));
        }
        for (String store : paramValues(results, "BalanceBenchmark", "store")) {
            checks.add(runningBalanceGrowth(results, store));
        }
        return checks;
    }

    private static Check engineAgainstSsj(List<Result> results) {
        String target = "engine at least " + plain(ENGINE_MIN_TIMES_SSJ) + " times SSJ's events"
                + " per second";
        Optional<Result> headroom = engine(results, "headroom");
        Optional<Result> ssj = engine(results, "ssj");
        if (headroom.isEmpty() || ssj.isEmpty()) {
            return notMeasured(target);
        }
        double times = headroom.get().score() / ssj.get().score();
        return new Check(target, String.format(Locale.ROOT, "%.1f times (%s against %s events/s)",
                times, millions(headroom.get()), millions(ssj.get())),
                verdict(times >= ENGINE_MIN_TIMES_SSJ));
    }

    private static Check engineAgainstFloor(List<Result> results) {
        String target = "engine's time per event within " + plain(ENGINE_MAX_TIMES_FLOOR)
                + " times the random-number floor's";
        Optional<Result> headroom = engine(results, "headroom");
        Optional<Result> floor = engine(results, "randomFloor");
        if (headroom.isEmpty() || floor.isEmpty()) {
            return notMeasured(target);
        }
        double times = floor.get().score() / headroom.get().score();
        return new Check(target, String.format(Locale.ROOT,
                "%.1f times (floor %s against %s events/s)", times, millions(floor.get()),
                millions(headroom.get())), verdict(times <= ENGINE_MAX_TIMES_FLOOR));
    }

    private static Check routerAgainstCharSum(List<Result> results, String shards) {
        String target = "slot table within " + plain(ROUTER_MAX_TIMES_CHAR_SUM)
                + " times the character sum's time, " + shards + " shards";
        Optional<Result> slot = router(results, RECOMMENDED_ROUTER, shards);
        Optional<Result> charSum = router(results, "CHAR_SUM", shards);
        if (slot.isEmpty() || charSum.isEmpty()) {
            return notMeasured(target);
        }
        double times = slot.get().score() / charSum.get().score();
        return new Check(target, String.format(Locale.ROOT, "%.2f times (%.1f against %.1f ns)",
                times, slot.get().score(), charSum.get().score()),
                verdict(times <= ROUTER_MAX_TIMES_CHAR_SUM));
    }

    private static Check routerAgainstSha(List<Result> results, String shards) {
        String target = "slot table at least " + plain(ROUTER_MIN_TIMES_FASTER_THAN_SHA)
                + " times faster than the SHA-256 prefix, " + shards + " shards";
        Optional<Result> slot = router(results, RECOMMENDED_ROUTER, shards);
        Optional<Result> sha = router(results, "SHA256_PREFIX", shards);
        if (slot.isEmpty() || sha.isEmpty()) {
            return notMeasured(target);
        }
        double times = sha.get().score() / slot.get().score();
        return new Check(target, String.format(Locale.ROOT, "%.2f times (%.1f against %.1f ns)",
                times, sha.get().score(), slot.get().score()),
                verdict(times >= ROUTER_MIN_TIMES_FASTER_THAN_SHA));
    }

    private static Check runningBalanceGrowth(List<Result> results, String store) {
        String target = "running balance at 100,000 rows within " + plain(BALANCE_MAX_GROWTH)
                + " times its time at 10 rows, " + store;
        Optional<Result> large = balance(results, store, "100000");
        Optional<Result> small = balance(results, store, "10");
        if (large.isEmpty() || small.isEmpty()) {
            return notMeasured(target);
        }
        double times = large.get().score() / small.get().score();
        return new Check(target, String.format(Locale.ROOT, "%.2f times (%s against %s %s)",
                times, plain(large.get().score()), plain(small.get().score()),
                small.get().unit()), verdict(times <= BALANCE_MAX_GROWTH));
    }

    private static Optional<Result> engine(List<Result> results, String method) {
        return results.stream().filter(r -> r.benchmarkClass().equals("EngineBenchmark")
                && r.method().equals(method)).findFirst();
    }

    private static Optional<Result> router(List<Result> results, String router, String shards) {
        return primary(results, "RouterBenchmark",
                Map.of("router", router, "shards", shards));
    }

    private static Optional<Result> balance(List<Result> results, String store, String rows) {
        return primary(results, "BalanceBenchmark",
                Map.of("design", "RUNNING_BALANCE", "store", store, "rows", rows));
    }

    /** Returns the primary score of a class whose parameters include every given one. */
    private static Optional<Result> primary(List<Result> results, String benchmarkClass,
            Map<String, String> params) {
        return results.stream()
                .filter(r -> r.benchmarkClass().equals(benchmarkClass) && r.metric().isEmpty())
                .filter(r -> r.params().entrySet().containsAll(params.entrySet()))
                .findFirst();
    }

    /** Returns a parameter's values in the run, numbers in numeric order. */
    private static List<String> paramValues(List<Result> results, String benchmarkClass,
            String param) {
        TreeSet<String> values = new TreeSet<>((a, b) -> a.length() != b.length()
                ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        results.stream().filter(r -> r.benchmarkClass().equals(benchmarkClass))
                .map(r -> r.params().get(param)).filter(v -> v != null).forEach(values::add);
        return new ArrayList<>(values);
    }

    private static Check notMeasured(String target) {
        return new Check(target, "not measured in this run", "n/a");
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "no";
    }

    private static String millions(Result throughput) {
        return String.format(Locale.ROOT, "%.2f M", throughput.score() / 1e6);
    }

    /** Formats a number to four significant digits, with no exponent and no trailing zeros. */
    private static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }
}
