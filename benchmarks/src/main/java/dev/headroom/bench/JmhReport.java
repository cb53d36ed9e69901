package dev.headroom.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns JMH's JSON result file into a Markdown table: each benchmark's score and error, and its
 * ratio to the baseline of its group measured in the same run. A group is the benchmark class
 * plus every parameter except the one that names the variant.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.headroom.bench.JmhReport
 * benchmarks/report/README.md benchmarks/report/jmh-fast.json benchmarks/report/jmh-slow.json}
 */
public final class JmhReport {

    /** Variant parameter and baseline value of each benchmark class that has one. */
    private static final Map<String, String[]> BASELINES = Map.of(
            "RouterBenchmark", new String[] {"router", "SHA256_PREFIX"},
            "BalanceBenchmark", new String[] {"design", "SUM_ALL_ROWS"});
    /** Baseline method of benchmark classes whose variants are methods. */
    private static final Map<String, String> METHOD_BASELINES = Map.of("EngineBenchmark", "ssj");

    private JmhReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: JmhReport OUTPUT_MD JMH_JSON [JMH_JSON...]");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        TreeSet<String> jvms = new TreeSet<>();
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            if (!Files.isRegularFile(file)) {
                System.err.println("JmhReport: " + file + " does not exist; run JMH with -rf json"
                        + " -rff " + file + " first");
                System.exit(2);
            }
            JsonElement json = JsonParser.parseString(
                    Files.readString(file, StandardCharsets.UTF_8));
            if (!json.isJsonArray()) {
                System.err.println("JmhReport: " + file + " is not a JMH JSON result (an array"
                        + " of runs); it is empty or JMH stopped before writing it");
                System.exit(2);
            }
            results.addAll(parse(json.getAsJsonArray()));
            for (JsonElement run : json.getAsJsonArray()) {
                jvms.add(benchmarkJvm(run.getAsJsonObject()));
            }
        }
        if (results.isEmpty()) {
            System.err.println("JmhReport: the JSON files hold no results");
            System.exit(2);
        }
        String markdown = MachineLabel.describe() + "Benchmark JVMs: " + String.join("; ", jvms)
                + ".\n\n" + render(results) + "\n" + BenchmarkTargets.render(results);
        Files.writeString(Path.of(args[0]), markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
    }

    /** Returns the forked JVM's name, version and options as JMH recorded them. */
    private static String benchmarkJvm(JsonObject run) {
        String vm = run.has("vmName") ? run.get("vmName").getAsString() : "unknown JVM";
        String version = run.has("jdkVersion") ? " " + run.get("jdkVersion").getAsString() : "";
        String options = run.has("jvmArgs") ? " " + run.get("jvmArgs") : "";
        return vm + version + options;
    }

    /** One benchmark score with the names that place it in a group. */
    record Result(String benchmarkClass, String method, Map<String, String> params,
            double score, double error, String unit, String mode) {

        Result(String benchmarkClass, String method, Map<String, String> params,
                double score, double error, String unit) {
            this(benchmarkClass, method, params, score, error, unit, "");
        }

        /** Returns the secondary metric's name, or an empty string for the primary score. */
        String metric() {
            int colon = method.indexOf(':');
            return colon < 0 ? "" : method.substring(colon + 1);
        }

        /** Returns whether both scores share metric, unit and mode, so a ratio means something. */
        boolean comparableWith(Result other) {
            return metric().equals(other.metric()) && unit.equals(other.unit)
                    && mode.equals(other.mode);
        }

        String variantParam() {
            String[] baseline = BASELINES.get(benchmarkClass);
            return baseline == null ? null : baseline[0];
        }

        String variant() {
            String param = variantParam();
            return param == null ? method : params.get(param);
        }

        String groupKey() {
            Map<String, String> rest = new TreeMap<>(params);
            String param = variantParam();
            if (param != null) {
                rest.remove(param);
            }
            String name = param == null ? benchmarkClass : benchmarkClass + "." + method;
            return rest.isEmpty() ? name : name + " " + rest;
        }

        boolean isBaseline() {
            String[] baseline = BASELINES.get(benchmarkClass);
            if (baseline != null) {
                return baseline[1].equals(params.get(baseline[0]));
            }
            String baselineMethod = METHOD_BASELINES.get(benchmarkClass);
            return baselineMethod != null && (method.equals(baselineMethod)
                    || method.startsWith(baselineMethod + ":"));
        }
    }

    static List<Result> parse(JsonArray array) {
        List<Result> results = new ArrayList<>();
        for (JsonElement element : array) {
            JsonObject run = element.getAsJsonObject();
            String[] name = run.get("benchmark").getAsString().split("\\.");
            Map<String, String> params = new TreeMap<>();
            if (run.has("params")) {
                run.getAsJsonObject("params").entrySet()
                        .forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
            }
            JsonObject metric = run.getAsJsonObject("primaryMetric");
            String mode = run.has("mode") ? run.get("mode").getAsString() : "";
            results.add(new Result(name[name.length - 2], name[name.length - 1], params,
                    metric.get("score").getAsDouble(), error(metric),
                    metric.get("scoreUnit").getAsString(), mode));
            addSecondaryMetrics(run, name, params, mode, results);
        }
        return results;
    }

    /** Adds JMH's secondary metrics, such as counters of events, as rows named method:metric. */
    private static void addSecondaryMetrics(JsonObject run, String[] name,
            Map<String, String> params, String mode, List<Result> results) {
        if (!run.has("secondaryMetrics")) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry
                : run.getAsJsonObject("secondaryMetrics").entrySet()) {
            JsonObject metric = entry.getValue().getAsJsonObject();
            results.add(new Result(name[name.length - 2],
                    name[name.length - 1] + ":" + entry.getKey(), params,
                    metric.get("score").getAsDouble(), error(metric),
                    metric.get("scoreUnit").getAsString(), mode));
        }
    }

    /** Returns JMH's score error, or NaN when it has none (two or fewer iterations). */
    private static double error(JsonObject metric) {
        JsonElement error = metric.get("scoreError");
        return error != null && error.isJsonPrimitive() && !error.getAsString().equals("NaN")
                ? error.getAsDouble() : Double.NaN;
    }

    static String render(List<Result> results) {
        Map<String, List<Result>> groups = new TreeMap<>();
        for (Result result : results) {
            groups.computeIfAbsent(result.groupKey(), k -> new ArrayList<>()).add(result);
        }
        StringBuilder out = new StringBuilder();
        out.append("| group | variant | score | error | unit | ratio to baseline |\n");
        out.append("|---|---|---:|---:|---|---:|\n");
        for (Map.Entry<String, List<Result>> group : groups.entrySet()) {
            for (Result result : group.getValue()) {
                Result baseline = group.getValue().stream()
                        .filter(r -> r.isBaseline() && r.comparableWith(result))
                        .findFirst().orElse(null);
                String variant = result.metric().isEmpty() || result.variantParam() == null
                        ? result.variant() : result.variant() + ":" + result.metric();
                boolean modes = group.getValue().stream().map(Result::mode).distinct().count() > 1;
                String mode = modes ? " (" + result.mode() + ")" : "";
                out.append(String.format(Locale.ROOT, "| %s | %s%s%s | %s | %s | %s | %s |%n",
                        group.getKey(), variant, mode, result == baseline ? " (baseline)" : "",
                        number(result.score()),
                        Double.isNaN(result.error()) ? "n/a" : number(result.error()),
                        result.unit(), ratio(result, baseline)));
            }
        }
        out.append("\nRatio: score divided by the baseline's score in the same group. For time "
                + "per operation a ratio below 1 is faster; for throughput above 1 is faster.\n");
        return out.toString();
    }

    private static String ratio(Result result, Result baseline) {
        if (baseline == null || baseline.score() == 0) {
            return "n/a";
        }
        double ratio = result.score() / baseline.score();
        return Math.abs(ratio) >= 0.1 ? String.format(Locale.ROOT, "%.2f", ratio)
                : String.format(Locale.ROOT, "%.2g", ratio);
    }

    /** Formats three decimals, or four significant digits below 1 so small scores keep them. */
    private static String number(double value) {
        return Math.abs(value) >= 1 || value == 0 ? String.format(Locale.ROOT, "%.3f", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
