package dev.headroom.scenario;

import dev.headroom.routing.RouterKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the {@code plan} mapping of a scenario file onto a {@link Plan} and checks that its
 * phases are in an order the simulation can follow.
 */
final class PlanReader {

    private static final String BACKEND_HINT =
            "write backend: {kind: sheets}, {kind: sheets-sharded, workbooks: 5, router: "
            + "char-sum}, {kind: sheets-shared-log}, {kind: dynamodb}, {kind: postgres} or "
            + "{kind: sqlite-efs}; a Sheets kind takes features: [redis-cache], and sheets and "
            + "sheets-sharded also take archive";

    /**
     * The maximum phases of a plan and the maximum developer hours of one migration. With the
     * $100,000 bound on the hourly rate, they keep the total development cost within a
     * {@code long} of micro-dollars.
     */
    static final int MAX_PHASES = 100;
    /**
     * A phase name. It appears in CSV and Markdown table cells and in lists joined with
     * {@code " -> "} and {@code "; "}, so quotes, pipes, colons, semicolons and other
     * punctuation that those texts treat specially are left out.
     */
    private static final Pattern PHASE_NAME =
            Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+/()-]*");

    /** The fields of {@code next_when}, in the order it reads them. */
    private static final List<String> TRIGGER_FIELDS = List.of("users",
            "throttled_calls_per_day", "failed_requests_per_day", "failed_sign_ups_per_day",
            "p95_latency", "monthly_cost", "date");
    /** A value of each field of {@code next_when}, for the message on one written empty. */
    private static final Map<String, String> TRIGGER_EXAMPLES = Map.of("users", "800",
            "throttled_calls_per_day", "100", "failed_requests_per_day", "10",
            "failed_sign_ups_per_day", "0", "p95_latency", "2s", "monthly_cost", "20",
            "date", "2026-01-01");
    static final long MAX_EFFORT_HOURS = 100_000;
    private static final String LAST_PHASE_HINT = "the last phase takes no next_when, since no"
            + " phase follows it, so remove next_when";

    private PlanReader() {
    }

    /** Reads the {@code plan} mapping of {@code root}, the top-level mapping. */
    static Plan read(Section root, LocalDate startDate) {
        if (!root.has("plan")) {
            root.missing("plan", "add a plan with an hourly_rate and at least one phase");
            return new Plan(0, List.of());
        }
        Section section = root.section("plan");
        long rate = section.money("hourly_rate", 0, 0,
                "write the cost of one developer hour in dollars, such as 100");
        if (!section.has("phases")) {
            section.missing("phases", "write a list of phases, the first live at the start");
        }
        List<Section> items = section.sections("phases");
        section.finish();
        if (items.size() > MAX_PHASES) {
            section.problem("phases", "too many phases: " + items.size() + "; a plan takes at"
                    + " most " + MAX_PHASES);
        }
        if (items.isEmpty() && section.isList("phases")) {
            section.problem("phases", "empty list; add at least one phase");
        }
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            phases.add(phase(items.get(i), i == 0, i == items.size() - 1));
        }
        PhaseOrder.check(items, phases, startDate);
        return new Plan(rate, phases);
    }

    private static Phase phase(Section section, boolean first, boolean last) {
        String name = section.text("name", null,
                "write a short name for reports, such as five-shards");
        if (name == null) {
            // The missing or invalid name is already reported, so the path replaces it.
            name = section.path();
        } else if (!PHASE_NAME.matcher(name).matches()) {
            section.problem("name", "invalid text: '" + name + "' is not a phase name; start"
                    + " with a letter or digit and use only letters, digits, spaces and"
                    + " - _ . + / ( ), such as five-shards");
        } else if (name.endsWith(" ")) {
            // Reports pad their cells with spaces, so such a name would look like another.
            section.problem("name", "invalid text: '" + name + "' ends with a space, which"
                    + " reports do not show; remove the trailing spaces");
        }
        Backend backend = backend(section);
        Migration migration = migration(section.section("migration"));
        List<Trigger> triggers = section.has("next_when")
                ? triggers(section.section("next_when"), last) : List.of();
        boolean misplaced = misplacedTriggers(section, last);
        section.finish();

        if (first && !migration.leadTime().isZero()) {
            section.section("migration").problem("lead_time", "inconsistent settings: the first "
                    + "phase is live from the start, so it has no lead time; set lead_time: 0s");
        }
        if (last && !triggers.isEmpty()) {
            section.problem("next_when", "inconsistent settings: the last phase has a trigger "
                    + "but no phase follows it; remove next_when or add a phase after it");
        } else if (last && section.isWritten("next_when") && !section.has("next_when")) {
            section.problemAtKey("next_when", "missing value; the last phase takes no"
                    + " next_when, since no phase follows it, so remove the field");
        }
        // A next_when with no value counts as missing, unless a trigger written beside it
        // was already reported, since one message about the mistake is enough.
        if (!last && triggers.isEmpty() && !section.has("next_when") && !misplaced) {
            section.missing("next_when", "write when the next phase starts, such as "
                    + "next_when: {users: 800}");
        }
        return new Phase(name, backend, migration, triggers);
    }

    /**
     * Reports each trigger written beside {@code next_when} instead of inside it, and returns
     * whether the phase has one.
     */
    private static boolean misplacedTriggers(Section section, boolean last) {
        boolean misplaced = false;
        for (String trigger : TRIGGER_FIELDS) {
            if (!section.isWritten(trigger)) {
                continue;
            }
            section.has(trigger);
            String hint = last ? "the last phase takes none, since no phase follows it; remove"
                    + " it" : "write next_when: {" + trigger + ": " + section.written(trigger)
                    + "}";
            section.problemAtKey(trigger, "unknown field: " + trigger + " is a trigger, which"
                    + " belongs under next_when; " + hint);
            misplaced = true;
        }
        return misplaced;
    }

    /** The backend fields that only one kind takes. */
    private static final Map<String, BackendKind> KIND_OF_FIELD = Map.of(
            "workbooks", BackendKind.SHEETS_SHARDED,
            "router", BackendKind.SHEETS_SHARDED);

    /** The kinds that take a {@code features} list, as scenario files write them. */
    private static final String FEATURE_KINDS =
            "sheets, sheets-sharded, sheets-shared-log and dynamodb";

    private static final String SHEETS_KINDS = "sheets, sheets-sharded and sheets-shared-log";

    private static Backend backend(Section phase) {
        if (!phase.has("backend")) {
            phase.missing("backend", BACKEND_HINT);
            return new Backend.Sheets();
        }
        Section section = phase.section("backend");
        BackendKind kind = section.choice("kind", null, BackendKind.class, BACKEND_HINT);
        Backend backend = kind == null ? new Backend.Sheets() : switch (kind) {
            case SHEETS -> new Backend.Sheets(sheetsFeatures(section, true));
            case SHEETS_SHARDED -> new Backend.ShardedSheets(
                    (int) section.count("workbooks", 2, 2, 10_000,
                            "write the number of workbooks, such as workbooks: 5"),
                    section.choice("router", RouterKind.CHAR_SUM, RouterKind.class, null),
                    sheetsFeatures(section, true));
            case SHEETS_SHARED_LOG -> new Backend.SharedLogSheets(sheetsFeatures(section, false));
            case DYNAMODB -> new Backend.DynamoDb(dynamoDbFeatures(section));
            case POSTGRES, SQLITE_EFS -> {
                rejectFeatures(section);
                yield kind == BackendKind.POSTGRES ? new Backend.Postgres()
                        : new Backend.SqliteEfs();
            }
        };
        if (kind != null) {
            rejectOtherKindsFields(section, kind);
            section.finish();
        }
        return backend;
    }

    /** Names the kind a field belongs to when a backend of another kind writes it. */
    private static void rejectOtherKindsFields(Section section, BackendKind kind) {
        for (Map.Entry<String, BackendKind> field : KIND_OF_FIELD.entrySet()) {
            if (field.getValue() != kind && section.isWritten(field.getKey())) {
                section.has(field.getKey());
                String owner = Section.configName(field.getValue());
                section.problem(field.getKey(), "applies only to kind " + owner
                        + "; remove it or set kind: " + owner);
            }
        }
    }

    private static void rejectFeatures(Section section) {
        if (section.isWritten("features")) {
            section.has("features");
            section.problem("features", "applies only to kinds " + FEATURE_KINDS
                    + "; remove it or set one of those kinds");
        }
    }

    /**
     * Reads a Sheets kind's features; {@code tabPerUser} is false for the shared log, which has
     * no per-user tab for the archive job to move rows out of.
     */
    private static Set<Backend.SheetsFeature> sheetsFeatures(Section section,
            boolean tabPerUser) {
        Set<String> seen = new HashSet<>();
        List<Backend.SheetsFeature> listed = section.list("features", text -> {
            requireOnce(seen, text);
            if (isChoice(text, Backend.DynamoDb.Feature.class)) {
                throw new IllegalArgumentException("feature " + text + " applies only to kind "
                        + "dynamodb; remove it or set kind: dynamodb");
            }
            Backend.SheetsFeature feature = Section.parseChoice(text,
                    Backend.SheetsFeature.class);
            if (feature == Backend.SheetsFeature.ARCHIVE && !tabPerUser) {
                throw new IllegalArgumentException("feature archive applies only to kinds "
                        + "sheets and sheets-sharded, which keep one tab per user; remove it or"
                        + " set one of those kinds");
            }
            return feature;
        }, "redis-cache or archive");
        return listed.isEmpty() ? Set.of() : EnumSet.copyOf(listed);
    }

    private static Set<Backend.DynamoDb.Feature> dynamoDbFeatures(Section section) {
        Set<String> seen = new HashSet<>();
        List<Backend.DynamoDb.Feature> listed = section.list("features", text -> {
            requireOnce(seen, text);
            if (isChoice(text, Backend.SheetsFeature.class)) {
                String kinds = Section.parseChoice(text, Backend.SheetsFeature.class)
                        == Backend.SheetsFeature.ARCHIVE ? "sheets and sheets-sharded"
                        : SHEETS_KINDS;
                throw new IllegalArgumentException("feature " + text + " applies only to kinds "
                        + kinds + "; remove it or set one of those kinds");
            }
            return Section.parseChoice(text, Backend.DynamoDb.Feature.class);
        }, "dax or s3-archive");
        return listed.isEmpty() ? Set.of() : EnumSet.copyOf(listed);
    }

    /** Rejects a feature that the list already named. */
    private static void requireOnce(Set<String> seen, String feature) {
        if (!seen.add(feature)) {
            throw new IllegalArgumentException("feature " + feature + " is listed twice; list "
                    + "it once");
        }
    }

    private static <E extends Enum<E>> boolean isChoice(String text, Class<E> type) {
        return Section.choices(type).contains(text);
    }

    private static Migration migration(Section section) {
        long hours = section.count("effort_hours", 0, 0, MAX_EFFORT_HOURS, null);
        Duration lead = section.duration("lead_time", Duration.ZERO, Duration.ZERO,
                ScenarioReader.MAX_HORIZON, null);
        section.finish();
        return new Migration(hours, lead);
    }

    /**
     * Reads the triggers of one phase's {@code next_when}. On the {@code last} phase the hints
     * ask to remove next_when, since a value written there would be an error too.
     */
    private static List<Trigger> triggers(Section section, boolean last) {
        List<Trigger> triggers = new ArrayList<>();
        if (section.has("users")) {
            triggers.add(new Trigger.Users(
                    section.count("users", 1, 1, Integer.MAX_VALUE, null)));
        }
        if (section.has("throttled_calls_per_day")) {
            triggers.add(new Trigger.ThrottledCallsPerDay(
                    section.count("throttled_calls_per_day", 0, 0, Long.MAX_VALUE, null)));
        }
        if (section.has("failed_requests_per_day")) {
            triggers.add(new Trigger.FailedRequestsPerDay(
                    section.count("failed_requests_per_day", 0, 0, Long.MAX_VALUE, null)));
        }
        if (section.has("failed_sign_ups_per_day")) {
            triggers.add(new Trigger.FailedSignUpsPerDay(
                    section.count("failed_sign_ups_per_day", 0, 0, Long.MAX_VALUE, null)));
        }
        if (section.has("p95_latency")) {
            triggers.add(new Trigger.LatencyP95(section.duration("p95_latency",
                    Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofHours(1), null)));
        }
        if (section.has("monthly_cost")) {
            triggers.add(new Trigger.MonthlyCost(section.money("monthly_cost", 0, 0, null)));
        }
        if (section.has("date")) {
            triggers.add(new Trigger.OnDate(section.read("date", LocalDate.EPOCH,
                    ScenarioReader::date, "a date", null)));
        }
        // A trigger written with no value has no default, unlike other optional fields.
        for (String trigger : TRIGGER_FIELDS) {
            if (section.isWritten(trigger) && !section.has(trigger)) {
                section.missing(trigger, last ? LAST_PHASE_HINT : "write when the trigger"
                        + " fires, such as " + trigger + ": " + TRIGGER_EXAMPLES.get(trigger)
                        + ", or remove it");
            }
        }
        section.finish();
        // A misspelt or invalid trigger is reported where it is, not as an empty trigger.
        if (triggers.isEmpty() && !section.hasProblemWithin()) {
            section.problem("empty trigger; " + (last ? LAST_PHASE_HINT : "write at least one"
                    + " of users, throttled_calls_per_day, failed_requests_per_day, "
                    + "failed_sign_ups_per_day, p95_latency, monthly_cost or date"));
        }
        return triggers;
    }

    /** Kinds of backend, as scenario files name them. */
    enum BackendKind {
        SHEETS, SHEETS_SHARDED, SHEETS_SHARED_LOG, DYNAMODB, POSTGRES, SQLITE_EFS
    }
}
