package dev.headroom.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective values of a scenario as text, for the headers of output files: one
 * {@code path: value} line per value, with the scenario file's field names and units.
 *
 * <p>The lines are derived from the text that {@link Scenarios#canonicalHash} hashes, so they
 * list the same values in the same order. Money is shown in dollars, durations in the largest
 * whole unit ({@code 365d}, {@code 30s}), choices in the file's spelling ({@code char-sum}), and
 * list items by index ({@code plan.phases[1].name}). Numbers have no exponent, as in the file:
 * {@code 0.0005}, not {@code 5.0E-4}.
 *
 * <p>Triggers are shown as the file writes them, one field of {@code next_when} each, such as
 * {@code plan.phases[1].next_when.p95_latency: 2s}; sizes carry their unit ({@code 500B}) and
 * feature lists their file spelling ({@code [dax, s3-archive]}). A {@code sigma} is listed only
 * for a lognormal distribution, the only one that takes it.
 */
public final class ScenarioText {

    /** Segments whose file name is not the snake case of the Java name. */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("dynamoDb", "dynamodb"),
            Map.entry("hourlyRateMicros", "hourly_rate"),
            Map.entry("writeMicrosPerMillionUnits", "write_price_per_million"),
            Map.entry("readMicrosPerMillionUnits", "read_price_per_million"),
            Map.entry("storageMicrosPerGbMonth", "storage_price_per_gb_month"),
            Map.entry("s3MicrosPerGbMonth", "s3_price_per_gb_month"),
            Map.entry("s3PutMicrosPerThousand", "s3_put_price_per_thousand"),
            Map.entry("nodeMicrosPerHour", "node_price_per_hour"),
            Map.entry("instanceMicrosPerHour", "instance_price_per_hour"),
            Map.entry("readMicrosPerGb", "read_price_per_gb"),
            Map.entry("writeMicrosPerGb", "write_price_per_gb"),
            Map.entry("inputMicrosPerMillionTokens", "input_price_per_million"),
            Map.entry("outputMicrosPerMillionTokens", "output_price_per_million"),
            Map.entry("initialMicros", "initial"),
            Map.entry("topUpMicros", "top_up"),
            Map.entry("topUpBelowMicros", "top_up_below"),
            Map.entry("micros", "monthly_cost"),
            Map.entry("costPerRunMicros", "cost_per_run"),
            Map.entry("readsPerMinutePerProject", "read_per_minute_per_project"),
            Map.entry("readsPerMinutePerUser", "read_per_minute_per_user"),
            Map.entry("writesPerMinutePerProject", "write_per_minute_per_project"),
            Map.entry("writesPerMinutePerUser", "write_per_minute_per_user"));

    /** Variant names whose file spelling is not the snake case of the Java name. */
    private static final Map<String, String> KINDS = Map.of(
            "ShardedSheets", "sheets-sharded",
            "SharedLogSheets", "sheets-shared-log",
            "SqliteEfs", "sqlite-efs",
            "LatencyP95", "p95_latency",
            "OnDate", "date",
            "FromFile", "file");

    private static final Pattern MILLIS = Pattern.compile("(\\d+)ms");
    /** A number as {@link Double#toString} writes one below 0.001 or from 10^7 on. */
    private static final Pattern SCIENTIFIC = Pattern.compile("-?\\d\\.\\d+E-?\\d+");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][a-zA-Z0-9]*");
    private static final Pattern SEGMENT = Pattern.compile("([^\\[]+)((?:\\[\\d+])?)");
    private static final Pattern TRIGGER =
            Pattern.compile("(.*\\.next_when)(\\[\\d+])\\.(\\w+)");

    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s"};

    private ScenarioText() {
    }

    /**
     * Returns one {@code path: value} line per effective value, in the order of the hashed
     * text, leaving out the sizes of lists.
     */
    public static List<String> lines(Scenario scenario) {
        List<String> lines = new ArrayList<>();
        Map<String, String> triggerKinds = new HashMap<>();
        Map<String, String> distributions = new HashMap<>();
        for (String line : CanonicalForm.text(scenario).lines().toList()) {
            int equals = line.indexOf('=');
            String path = line.substring(0, equals);
            if (path.endsWith(".size")) {
                continue;
            }
            String shownPath = path(path);
            String shownValue = value(path, line.substring(equals + 1));
            Matcher trigger = TRIGGER.matcher(shownPath);
            if (shownPath.endsWith(".distribution")) {
                distributions.put(shownPath.substring(0, shownPath.lastIndexOf('.')), shownValue);
            }
            if (shownPath.endsWith(".sigma") && !"lognormal".equals(distributions.get(
                    shownPath.substring(0, shownPath.lastIndexOf('.'))))) {
                continue;
            }
            if (!trigger.matches()) {
                lines.add(shownPath + ": " + shownValue);
            } else if (trigger.group(3).equals("kind")) {
                triggerKinds.put(trigger.group(1) + trigger.group(2), shownValue);
            } else {
                String kind = triggerKinds.getOrDefault(trigger.group(1) + trigger.group(2),
                        trigger.group(3));
                lines.add(trigger.group(1) + "." + kind + ": " + shownValue);
            }
        }
        return lines;
    }

    private static String path(String canonical) {
        String trimmed = canonical.startsWith("scenario.")
                ? canonical.substring("scenario.".length()) : canonical;
        List<String> segments = new ArrayList<>();
        for (String segment : trimmed.split("\\.")) {
            if (segment.equals("base")) {
                continue;
            }
            Matcher parts = SEGMENT.matcher(segment);
            if (!parts.matches()) {
                segments.add(segment);
                continue;
            }
            segments.add(name(parts.group(1)) + parts.group(2));
        }
        String joined = String.join(".", segments)
                .replace("workload.profile.hourly", "workload.hourly_profile")
                .replace("workload.profile.weekday", "workload.weekday_profile");
        if (joined.endsWith("latency.kind") || joined.endsWith("request_rate.kind")
                || joined.endsWith("request_duration.kind")) {
            return joined.substring(0, joined.length() - "kind".length()) + "distribution";
        }
        if (joined.endsWith("token_sizes.kind")) {
            return joined.substring(0, joined.length() - "kind".length()) + "source";
        }
        return joined;
    }

    private static String name(String javaName) {
        if (javaName.equals("@kind")) {
            return "kind";
        }
        String renamed = RENAMED.get(javaName);
        if (renamed != null) {
            return renamed;
        }
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Formats a value by its canonical path; names and other free text stay as written. */
    private static String value(String path, String canonical) {
        if (path.endsWith(".name") || path.endsWith(".dataset") || path.endsWith(".file")) {
            return canonical;
        }
        Matcher millis = MILLIS.matcher(canonical);
        if (millis.matches()) {
            return duration(Long.parseLong(millis.group(1)));
        }
        boolean money = path.contains("Micros") || path.endsWith(".micros");
        if (money && canonical.matches("-?\\d+")) {
            return "$" + new BigDecimal(canonical).movePointLeft(6).stripTrailingZeros()
                    .toPlainString();
        }
        if (path.endsWith("@kind") && KINDS.containsKey(canonical)) {
            return KINDS.get(canonical);
        }
        if (path.endsWith("@kind") && CLASS_NAME.matcher(canonical).matches()) {
            return name(Character.toLowerCase(canonical.charAt(0)) + canonical.substring(1));
        }
        if (path.endsWith("features")) {
            return canonical.isEmpty() ? "[]" : "[" + canonical.toLowerCase(Locale.ROOT)
                    .replace('_', '-').replace(",", ", ") + "]";
        }
        if (CONSTANT.matcher(canonical).matches()) {
            return canonical.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (path.toLowerCase(Locale.ROOT).endsWith("bytes") && canonical.matches("\\d+")) {
            return canonical + "B";
        }
        if (SCIENTIFIC.matcher(canonical).matches()) {
            // The file's numbers have no exponent, so 5.0E-4 is shown as 0.0005, and a whole
            // number keeps the ".0" that Java gives the numbers it writes in plain form.
            String plain = new BigDecimal(canonical).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return canonical;
    }

    /** Formats milliseconds in the largest unit that divides them, such as {@code 1825d}. */
    private static String duration(long millis) {
        if (millis == 0) {
            return "0s";
        }
        for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
            if (millis % UNIT_MILLIS[unit] == 0) {
                return millis / UNIT_MILLIS[unit] + UNIT_NAMES[unit];
            }
        }
        return millis + "ms";
    }
}
