package dev.headroom.scenario;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A reader over one YAML mapping of a scenario file that records each problem with its position
 * and field path instead of stopping at the first.
 *
 * <p>Every read names the field it reads, so {@link #finish()} can reject the fields that no
 * read named and suggest the nearest valid name. A read that fails records a problem and returns
 * the given fallback, so loading goes on and reports every problem of the file.
 */
final class Section {

    private static final String MISSING = "missing required field; ";
    private static final String MISSING_VALUE = "missing value; ";

    private final Problems problems;
    private final String path;
    private final Mark anchor;
    private final boolean reportMissing;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    private Section(Problems problems, String path, MappingNode node, Mark anchor,
            boolean reportMissing) {
        this.problems = problems;
        this.path = path;
        this.anchor = anchor;
        this.reportMissing = reportMissing;
        if (node != null) {
            collect(node);
        }
    }

    /** Returns a reader over the document's top-level mapping. */
    static Section root(Problems problems, MappingNode node) {
        return new Section(problems, "", node, node.getStartMark(), true);
    }

    private void collect(MappingNode node) {
        Map<String, Integer> occurrences = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar) {
                occurrences.merge(scalar.getValue(), 1, Integer::sum);
            }
        }
        for (NodeTuple tuple : node.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar)) {
                problems.add(key, path, "invalid field name: expected text, found "
                        + describe(key) + "; write field names as plain words");
                continue;
            }
            if (entries.containsKey(scalar.getValue())) {
                int times = occurrences.get(scalar.getValue());
                problems.add(key, childPath(scalar.getValue()), times == 2
                        ? "duplicate field; remove one of the two"
                        : "duplicate field: it appears " + times + " times; keep one and remove"
                                + " the others");
                continue;
            }
            entries.put(scalar.getValue(), tuple);
        }
    }

    /** Returns the path of this mapping, such as {@code plan.phases[0]}. */
    String path() {
        return path;
    }

    /** Returns the path of one field of this mapping. */
    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Returns whether the field is written in this mapping, without marking it as valid. */
    boolean isWritten(String key) {
        return entries.containsKey(key);
    }

    /** Returns whether a problem is recorded for the field {@code key}, so a check may skip it. */
    boolean hasProblem(String key) {
        return problems.any(childPath(key));
    }

    /**
     * Returns whether a problem is recorded for the field {@code key} or inside it, so that a
     * check that combines fields may skip a value that was already reported.
     */
    boolean hasProblemWithin(String key) {
        return problems.anyWithin(childPath(key));
    }

    /** Returns whether a problem is recorded for this mapping or inside it. */
    boolean hasProblemWithin() {
        return problems.anyWithin(path);
    }

    /**
     * Returns whether the field is present and was read without a problem, so that a check that
     * compares it with other values may use it. Marks the field as valid, as {@link #has} does.
     */
    boolean hasReadable(String key) {
        return has(key) && !hasProblemWithin(key);
    }

    /**
     * Returns whether the field is present with a non-null value, and marks it as valid. A field
     * written with no value, such as {@code ttl:} or {@code ttl: ~}, is a problem at the end of
     * loading unless the caller records another problem at that field first.
     */
    boolean has(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return false;
        }
        if (isNull(tuple.getValueNode())) {
            problems.addEmptyValue(tuple.getKeyNode().getStartMark(), childPath(key),
                    MISSING_VALUE + "write a value, or remove the field to use the default",
                    true);
            return false;
        }
        return true;
    }

    /**
     * Replaces the message of an optional field written with no value by {@code hint}, which
     * names what to write there. Does nothing when the field is absent.
     */
    void describeEmptyValue(String key, String hint) {
        NodeTuple tuple = entries.get(key);
        if (tuple != null) {
            problems.addEmptyValue(tuple.getKeyNode().getStartMark(), childPath(key),
                    MISSING_VALUE + hint, false);
        }
    }

    /** Returns the position of a field's value, or of this mapping when the field is absent. */
    Mark markOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? anchor : tuple.getValueNode().getStartMark();
    }

    /** Records a problem at a field's value; use it for checks that span several fields. */
    void problem(String key, String message) {
        problems.add(markOf(key), childPath(key), message);
    }

    /**
     * Records a problem at a field's name, as for an unknown field. The field must be written.
     */
    void problemAtKey(String key, String message) {
        problems.add(entries.get(key).getKeyNode(), childPath(key), message);
    }

    /**
     * Returns a written field's value as the file gives it, or {@code ...} when it is not a
     * single value.
     */
    String written(String key) {
        Node value = entries.get(key).getValueNode();
        return value instanceof ScalarNode scalar && !isNull(value) ? scalar.getValue() : "...";
    }

    /** Records a problem at this mapping as a whole. */
    void problem(String message) {
        problems.add(anchor, path, message);
    }

    /**
     * Records that a required field is absent, or written with no value, with what to write
     * there.
     */
    void missing(String key, String hint) {
        if (reportMissing) {
            NodeTuple tuple = entries.get(key);
            if (tuple == null) {
                problems.add(anchor, childPath(key), MISSING + hint);
            } else {
                problems.add(tuple.getKeyNode().getStartMark(), childPath(key),
                        MISSING_VALUE + hint);
            }
        }
    }

    /**
     * Reads a scalar field through {@code parser}, which throws {@link IllegalArgumentException}
     * with a message on a bad value. An absent field yields {@code fallback}; so does a bad one,
     * after its problem is recorded.
     *
     * @param expected what the field takes, such as {@code "a duration"}, for type errors
     * @param requiredHint what to write when the field is absent, or {@code null} if optional
     */
    <T> T read(String key, T fallback, Function<String, T> parser, String expected,
            String requiredHint) {
        return read(key, fallback, parser, expected, requiredHint, null);
    }

    /**
     * Reads a scalar field as {@link #read(String, Object, Function, String, String)} does.
     * {@code defaultText} is the value an optional field takes when absent, as messages show
     * it, or {@code null} to leave it unnamed.
     */
    private <T> T read(String key, T fallback, Function<String, T> parser, String expected,
            String requiredHint, String defaultText) {
        if (!has(key)) {
            if (requiredHint != null) {
                missing(key, requiredHint);
            } else {
                String named = defaultText == null ? "" : " (" + defaultText + ")";
                describeEmptyValue(key, "write " + expected + ", or remove the field to use the"
                        + " default" + named);
            }
            return fallback;
        }
        Node value = entries.get(key).getValueNode();
        if (!(value instanceof ScalarNode scalar)) {
            problems.add(value, childPath(key), "wrong type: expected " + expected + ", found "
                    + describe(value) + "; write " + expected);
            return fallback;
        }
        try {
            return parser.apply(scalar.getValue());
        } catch (IllegalArgumentException e) {
            problems.add(value, childPath(key), e.getMessage());
            return fallback;
        }
    }

    /** Reads text; an empty string is a problem. */
    String text(String key, String fallback, String requiredHint) {
        return read(key, fallback, Section::nonEmpty, "text", requiredHint, fallback);
    }

    /** Reads a whole count in {@code [min, max]}. */
    long count(String key, long fallback, long min, long max, String requiredHint) {
        BigInteger value = read(key, null, Units::count, "a whole number such as 200",
                requiredHint, Long.toString(fallback));
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0
                || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problem(key, outOfRange(value.toString(), Long.toString(min), Long.toString(max))
                    + "; use a value in that range");
            return fallback;
        }
        return value.longValueExact();
    }

    /** Reads a decimal number in {@code [min, max]}. */
    double number(String key, double fallback, double min, double max, String requiredHint) {
        double value = read(key, fallback, Units::number, "a number such as 0.5", requiredHint,
                Formats.number(fallback));
        if (value < min || value > max) {
            problem(key, outOfRange(Formats.number(value), Formats.number(min),
                    Formats.number(max)) + "; use a number in that range");
            return fallback;
        }
        return value;
    }

    /** Reads a decimal number greater than 0 and at most {@code max}. */
    double positiveNumber(String key, double fallback, double max, String requiredHint) {
        double value = read(key, fallback, Units::number, "a number such as 0.5", requiredHint,
                Formats.number(fallback));
        if (value <= 0 || value > max) {
            problem(key, outOfRangeAboveZero(Formats.number(value), "0", Formats.number(max))
                    + "; use a number in that range");
            return fallback;
        }
        return value;
    }

    /** Reads a duration in {@code [min, max]}. */
    Duration duration(String key, Duration fallback, Duration min, Duration max,
            String requiredHint) {
        BigInteger millis = durationMillis(key, fallback, requiredHint);
        if (millis == null) {
            return fallback;
        }
        if (millis.compareTo(BigInteger.valueOf(min.toMillis())) < 0
                || millis.compareTo(BigInteger.valueOf(max.toMillis())) > 0) {
            problem(key, outOfRange(written(key, millis + "ms"),
                    Formats.duration(min), Formats.duration(max))
                    + "; use a duration in that range");
            return fallback;
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    /** Reads a duration greater than 0 and at most {@code max}. */
    Duration positiveDuration(String key, Duration fallback, Duration max,
            String requiredHint) {
        BigInteger millis = durationMillis(key, fallback, requiredHint);
        if (millis == null) {
            return fallback;
        }
        if (millis.signum() <= 0 || millis.compareTo(BigInteger.valueOf(max.toMillis())) > 0) {
            problem(key, outOfRangeAboveZero(written(key, millis + "ms"),
                    Formats.duration(Duration.ZERO), Formats.duration(max))
                    + "; use a duration in that range");
            return fallback;
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    /** Reads a duration in milliseconds, or returns null when it is absent or invalid. */
    private BigInteger durationMillis(String key, Duration fallback, String requiredHint) {
        return read(key, null, Units::millis, "a duration such as 30s", requiredHint,
                fallback == null ? null : Formats.duration(fallback));
    }

    /**
     * Reads a size in bytes in {@code [min, max]}. Messages show the size as written and in
     * bytes, and name the maximum by {@code maxName}, such as "the 400 KiB item limit", unless it
     * is {@code null}.
     */
    long bytes(String key, long fallback, long min, long max, String maxName,
            String requiredHint) {
        BigInteger value = read(key, null, Units::bytes, "a size such as 500B", requiredHint,
                byteCount(fallback));
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(BigInteger.valueOf(min)) >= 0
                && value.compareTo(BigInteger.valueOf(max)) <= 0) {
            return value.longValueExact();
        }
        String shown = written(key, value.toString()) + " (" + byteCount(value) + ")";
        if (value.compareTo(BigInteger.valueOf(max)) > 0 && maxName != null) {
            problem(key, "out of range: " + shown + " is more than " + maxName + " ("
                    + byteCount(max) + "); use a size of at most " + byteCount(max));
        } else {
            problem(key, outOfRange(shown, byteCount(min), byteCount(max))
                    + "; use a size in that range");
        }
        return fallback;
    }

    /**
     * Returns the value of {@code key} as the file writes it, such as {@code 0d} where the
     * parsed duration would print as {@code 0s}, or {@code parsed} for a value that is no scalar.
     */
    private String written(String key, String parsed) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && tuple.getValueNode() instanceof ScalarNode scalar
                ? scalar.getValue().strip() : parsed;
    }

    /** Reads an amount of dollars as micro-dollars, at least {@code minMicros}. */
    long money(String key, long fallback, long minMicros, String requiredHint) {
        long value = read(key, fallback, Units::micros, "an amount of dollars such as 1.25",
                requiredHint, Formats.dollars(fallback));
        if (value < minMicros) {
            problem(key, "out of range: " + Formats.dollars(value) + " is below "
                    + Formats.dollars(minMicros) + "; use an amount of at least "
                    + Formats.dollars(minMicros));
            return fallback;
        }
        if (value > Units.MAX_MONEY_MICROS) {
            problem(key, "out of range: " + Formats.dollars(value) + " is above "
                    + Formats.dollars(Units.MAX_MONEY_MICROS) + "; use an amount of at most "
                    + Formats.dollars(Units.MAX_MONEY_MICROS));
            return fallback;
        }
        return value;
    }

    /** Reads one of an enum's constants by its kebab-case name, such as {@code char-sum}. */
    <E extends Enum<E>> E choice(String key, E fallback, Class<E> type, String requiredHint) {
        return read(key, fallback, text -> parseChoice(text, type), "one of "
                + String.join(", ", choices(type)), requiredHint,
                fallback == null ? null : configName(fallback));
    }

    /** Reads a sub-mapping; an absent one reads as empty, with every field at its default. */
    Section section(String key) {
        if (!has(key)) {
            describeEmptyValue(key, "write the fields indented under " + key
                    + ", or remove the field to use the defaults");
            return new Section(problems, childPath(key), null, markOf(key), reportMissing);
        }
        Node value = entries.get(key).getValueNode();
        if (value instanceof MappingNode mapping) {
            return new Section(problems, childPath(key), mapping, mapping.getStartMark(), true);
        }
        problems.add(value, childPath(key), "wrong type: expected a mapping of fields, found "
                + describe(value) + "; write the fields indented under " + key);
        return new Section(problems, childPath(key), null, value.getStartMark(), false);
    }

    /** Reads a list of mappings, such as the plan's phases; an absent list reads as empty. */
    List<Section> sections(String key) {
        List<Section> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            String itemPath = childPath(key) + "[" + result.size() + "]";
            if (item instanceof MappingNode mapping) {
                result.add(new Section(problems, itemPath, mapping, mapping.getStartMark(), true));
            } else if (isNull(item)) {
                problems.add(item, itemPath, MISSING_VALUE
                        + "write the item's fields, or remove the empty item");
                result.add(new Section(problems, itemPath, null, item.getStartMark(), false));
            } else {
                problems.add(item, itemPath, "wrong type: expected a mapping of fields, found "
                        + describe(item) + "; write each item as fields");
                result.add(new Section(problems, itemPath, null, item.getStartMark(), false));
            }
        }
        return result;
    }

    /** Reads a list of scalars, each through {@code parser}; bad items are left out. */
    <T> List<T> list(String key, Function<String, T> parser, String expected) {
        List<T> result = new ArrayList<>();
        int index = 0;
        for (Node item : sequence(key)) {
            String itemPath = childPath(key) + "[" + index++ + "]";
            if (isNull(item)) {
                problems.add(item, itemPath, MISSING_VALUE + "write " + expected
                        + ", or remove the empty item");
                continue;
            }
            if (!(item instanceof ScalarNode scalar)) {
                problems.add(item, itemPath, "wrong type: expected " + expected + ", found "
                        + describe(item) + "; write " + expected);
                continue;
            }
            try {
                result.add(parser.apply(scalar.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add(item, itemPath, e.getMessage());
            }
        }
        return result;
    }

    /** Returns whether the field is present and is a list, empty or not. */
    boolean isList(String key) {
        return has(key) && entries.get(key).getValueNode() instanceof SequenceNode;
    }

    private List<Node> sequence(String key) {
        if (!has(key)) {
            describeEmptyValue(key, "write the items as a list, one '- ' per item, or remove the"
                    + " field to use the default");
            return List.of();
        }
        Node value = entries.get(key).getValueNode();
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.add(value, childPath(key), "wrong type: expected a list, found "
                + describe(value) + "; write the items as a list, one '- ' per item");
        return List.of();
    }

    /** Rejects every field that no read asked for, suggesting the nearest valid name. */
    void finish() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (known.contains(entry.getKey())) {
                continue;
            }
            if (entry.getKey().matches("[0-9_]+")) {
                problems.add(entry.getValue().getKeyNode(), childPath(entry.getKey()),
                        "unknown field; inside { } a comma separates fields, so a number such"
                        + " as 5,000 reads as 5 and a field named 000; write 5000 or 5_000");
                continue;
            }
            Optional<String> nearest = Suggestions.nearest(entry.getKey(), known);
            // A misspelled required field reads as absent too; one message about it is enough.
            nearest.ifPresent(name -> problems.withdraw(childPath(name), MISSING));
            String hint = nearest.map(name -> "did you mean '" + name + "'?")
                    .orElse("valid fields here are " + String.join(", ", known));
            problems.add(entry.getValue().getKeyNode(), childPath(entry.getKey()),
                    "unknown field; " + hint);
        }
    }

    /** Returns the kebab-case names of an enum's constants, as scenario files write them. */
    static <E extends Enum<E>> List<String> choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Section::configName)
                .collect(Collectors.toList());
    }

    /** Returns the kebab-case name of an enum constant, such as {@code sized-to-row}. */
    static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parseChoice(String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (configName(constant).equals(text)) {
                return constant;
            }
        }
        List<String> names = choices(type);
        String hint = Suggestions.nearest(text, names)
                .map(name -> "did you mean '" + name + "'?")
                .orElse("use one of " + String.join(", ", names));
        throw new IllegalArgumentException("invalid value '" + text + "'; " + hint);
    }

    /** Returns a number of bytes with its noun: {@code 1 byte}, {@code 512 bytes}. */
    private static String byteCount(long bytes) {
        return byteCount(BigInteger.valueOf(bytes));
    }

    private static String byteCount(BigInteger bytes) {
        return bytes + (bytes.equals(BigInteger.ONE) ? " byte" : " bytes");
    }

    /** Returns the shared start of a range problem: "out of range: 0 is not between 1 and 9". */
    static String outOfRange(String shown, String min, String max) {
        return "out of range: " + shown + " is not between " + min + " and " + max;
    }

    /**
     * Returns the start of a range problem for a field whose minimum is excluded, such as
     * "out of range: 0 is outside the accepted range, which is greater than 0 and at most 9".
     */
    static String outOfRangeAboveZero(String shown, String excludedMin, String max) {
        return "out of range: " + shown + " is outside the accepted range, which is greater than "
                + excludedMin + " and at most " + max;
    }

    private static String nonEmpty(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty text; write a value");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("invalid text: it contains a line break or"
                    + " another control character; write the text on one line");
        }
        return text;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
