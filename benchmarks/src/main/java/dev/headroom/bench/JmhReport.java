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
        for (int i = 1; i < args.length; i++) {
            String json = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
            results.addAll(parse(JsonParser.parseString(json).getAsJsonArray()));
        }
        String markdown = MachineLabel.describe() + "\n" + render(results);
        Files.writeString(Path.of(args[0]), markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
    }

    /** One benchmark score with the names that place it in a group. */
    record Result(String benchmarkClass, String method, Map<String, String> params,
            double score, double error, String unit) {

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
            return method.equals(METHOD_BASELINES.get(benchmarkClass));
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
            double error = metric.get("scoreError").isJsonPrimitive()
                    && !metric.get("scoreError").getAsString().equals("NaN")
                    ? metric.get("scoreError").getAsDouble() : Double.NaN;
            results.add(new Result(name[name.length - 2], name[name.length - 1], params,
                    metric.get("score").getAsDouble(), error,
                    metric.get("scoreUnit").getAsString()));
            addSecondaryMetrics(run, name, params, results);
        }
        return results;
    }

    /** Adds JMH's secondary metrics, such as counters of events, as rows named method:metric. */
    private static void addSecondaryMetrics(JsonObject run, String[] name,
            Map<String, String> params, List<Result> results) {
        if (!run.has("secondaryMetrics")) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry
                : run.getAsJsonObject("secondaryMetrics").entrySet()) {
            JsonObject metric = entry.getValue().getAsJsonObject();
            results.add(new Result(name[name.length - 2],
                    name[name.length - 1] + ":" + entry.getKey(), params,
                    metric.get("score").getAsDouble(), Double.NaN,
                    metric.get("scoreUnit").getAsString()));
        }
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
            Result baseline = group.getValue().stream().filter(Result::isBaseline)
                    .findFirst().orElse(null);
            for (Result result : group.getValue()) {
                out.append(String.format(Locale.ROOT, "| %s | %s%s | %.3f | %s | %s | %s |%n",
                        group.getKey(), result.variant(),
                        result == baseline ? " (baseline)" : "", result.score(),
                        Double.isNaN(result.error()) ? "n/a"
                                : String.format(Locale.ROOT, "%.3f", result.error()),
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
        return String.format(Locale.ROOT, "%.2f", result.score() / baseline.score());
    }
}
