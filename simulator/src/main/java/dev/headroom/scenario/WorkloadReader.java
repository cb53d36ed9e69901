package dev.headroom.scenario;

import dev.headroom.workload.TokenSizeTable;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the {@code workload} mapping of a scenario file onto a {@link Workload}. */
final class WorkloadReader {

    /**
     * Names of the bundled token-size tables, fitted from the conversation and code services of
     * the Azure LLM inference trace 2023. Each is the exact name that
     * {@code dev.headroom.workload.TokenSizeTable.bundled} loads, as {@code ScenariosTest} checks.
     */
    static final List<String> BUNDLED_DATASETS = List.of("azure-conv-2023", "azure-code-2023");

    /** The bundled token-size table used when a file names none. */
    static final String DEFAULT_TOKEN_DATASET = "azure-conv-2023";

    /** How far the model shares may stray from a sum of 1, for shares such as thirds. */
    private static final BigDecimal SHARE_TOLERANCE = new BigDecimal("0.000001");

    /**
     * Sheets' column limit per tab, 18,278 (column ZZZ), as the scaling plan's limits table gives
     * it. NOTE: Google's file-limits page was not checked for this figure.
     */
    static final int MAX_COLUMNS = 18_278;

    private WorkloadReader() {
    }

    static Workload read(Section section) {
        RateDistribution rate = rate(section.section("request_rate"));
        ArrivalProfile profile = new ArrivalProfile(
                weights(section, "hourly_profile", ArrivalProfile.HOURS),
                weights(section, "weekday_profile", ArrivalProfile.DAYS));
        TokenSizes tokenSizes = tokenSizes(section.section("token_sizes"));
        List<ModelPrice> models = models(section);
        RequestDuration duration = requestDuration(section.section("request_duration"));
        Credits credits = credits(section.section("credits"));
        RowShape row = row(section.section("row"));
        section.finish();
        return new Workload(rate, profile, tokenSizes, models, duration, credits, row);
    }

    private static RateDistribution rate(Section section) {
        RateDistribution.Kind kind = section.choice("distribution",
                RateDistribution.Kind.CONSTANT, RateDistribution.Kind.class, null);
        double mean = section.positiveNumber("mean_per_day", Defaults.REQUESTS_PER_USER_PER_DAY,
                1e6, null);
        double sigma = StoreReader.sigma(section, kind == RateDistribution.Kind.LOGNORMAL);
        section.finish();
        return new RateDistribution(kind, mean, sigma);
    }

    private static List<Double> weights(Section section, String key, int size) {
        if (!section.has(key)) {
            section.describeEmptyValue(key, "write a list of " + size + " weights, one per "
                    + (size == 24 ? "hour" : "day") + ", or remove the field to use the"
                    + " default (flat)");
            return Collections.nCopies(size, 1.0);
        }
        List<Double> weights = section.list(key, Units::number, "a number");
        if (section.hasProblemWithin(key)) {
            // The wrong type or invalid weight is already reported, so the length is not checked.
            return Collections.nCopies(size, 1.0);
        }
        boolean valid = true;
        if (weights.size() != size) {
            section.problem(key, "wrong length: " + weights.size() + " weights, expected "
                    + size + "; write one weight per " + (size == 24 ? "hour" : "day"));
            valid = false;
        }
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
            if (weight < 0) {
                section.problem(key, "out of range: weight " + weight
                        + " is negative; use weights of 0 or more");
                valid = false;
            }
        }
        if (valid && sum <= 0) {
            section.problem(key, "out of range: every weight is 0; give at least one a "
                    + "positive weight");
            valid = false;
        }
        return valid ? weights : Collections.nCopies(size, 1.0);
    }

    private static TokenSizes tokenSizes(Section section) {
        TokenSource source = section.choice("source", TokenSource.BUNDLED, TokenSource.class,
                null);
        TokenSizes sizes = switch (source) {
            case BUNDLED -> new TokenSizes.Bundled(section.read("dataset",
                    DEFAULT_TOKEN_DATASET, WorkloadReader::dataset, "a bundled table name", null));
            case FILE -> new TokenSizes.FromFile(tablePath(section));
            case FIXED -> new TokenSizes.Fixed(
                    section.count("tokens_in", 0, 0, TokenSizeTable.MAX_TOKENS,
                            "write the prompt tokens per request, such as 1200"),
                    section.count("tokens_out", 0, 0, TokenSizeTable.MAX_TOKENS,
                            "write the completion tokens per request, such as 300"));
        };
        // An invalid source reads as the default, whose fields differ from those of the one meant.
        if (!section.hasProblem("source")) {
            rejectOtherSources(section, source);
            section.finish();
        }
        return sizes;
    }

    /**
     * Returns the path that {@code file} names, or records it as invalid. Java on Linux encodes
     * file names in the locale's charset, so under the POSIX locale a name such as
     * {@code tök.csv} forms no path.
     */
    private static Path tablePath(Section section) {
        String text = section.text("file", "missing.csv",
                "write the path of a table written by headroom workload fit");
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            section.problem("file", "invalid path '" + text + "': " + e.getReason()
                    + " for the file name charset " + System.getProperty("sun.jnu.encoding")
                    + "; run Headroom under a UTF-8 locale, such as with LC_ALL=C.UTF-8, or"
                    + " rename the table with ASCII characters");
            return Path.of("missing.csv");
        }
    }

    /** Reports each field of a token source other than {@code selected}, naming its source. */
    private static void rejectOtherSources(Section section, TokenSource selected) {
        Map<String, TokenSource> owners = new LinkedHashMap<>();
        owners.put("dataset", TokenSource.BUNDLED);
        owners.put("file", TokenSource.FILE);
        owners.put("tokens_in", TokenSource.FIXED);
        owners.put("tokens_out", TokenSource.FIXED);
        for (Map.Entry<String, TokenSource> owner : owners.entrySet()) {
            // A field with no value does not apply either, so it gets the same message.
            boolean written = section.has(owner.getKey()) || section.isWritten(owner.getKey());
            if (owner.getValue() != selected && written) {
                String name = Section.configName(owner.getValue());
                section.problem(owner.getKey(), "inconsistent settings: " + owner.getKey()
                        + " applies only to source: " + name + "; remove it or set source: "
                        + name);
            }
        }
    }

    private static List<ModelPrice> models(Section section) {
        if (!section.has("models")) {
            section.describeEmptyValue("models", "write a list of models such as - {name: a,"
                    + " share: 1, input_price_per_million: 0.15, output_price_per_million:"
                    + " 0.60}, or remove the field to use the default (one free model)");
            return List.of(new ModelPrice("default", 1.0, 0, 0));
        }
        List<ModelPrice> models = new ArrayList<>();
        Set<String> names = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean sharesRead = true;
        for (Section item : section.sections("models")) {
            String name = item.text("name", "model-" + models.size(),
                    "write the model's name, such as gpt-4o-mini");
            BigDecimal share = item.read("share", BigDecimal.ZERO, WorkloadReader::share,
                    "a fraction", "write the fraction of requests, such as 0.5");
            long input = item.money("input_price_per_million", 0, 0,
                    "write the price of one million prompt tokens in dollars, such as 0.15");
            long output = item.money("output_price_per_million", 0, 0,
                    "write the price of one million completion tokens in dollars, such as 0.60");
            item.finish();
            // A missing or invalid share is already reported, so the sum is not checked.
            sharesRead &= item.hasReadable("share");
            if (!names.add(name)) {
                item.problem("name", "duplicate model '" + name + "'; merge the two entries");
            }
            sum = sum.add(share);
            models.add(new ModelPrice(name, share.doubleValue(), input, output));
        }
        if (models.isEmpty()) {
            if (section.isList("models")) {
                section.problem("models", "empty list; add at least one model with share 1");
            }
        } else if (sharesRead
                && sum.subtract(BigDecimal.ONE).abs().compareTo(SHARE_TOLERANCE) > 0) {
            section.problem("models", "inconsistent settings: the shares sum to "
                    + sum.stripTrailingZeros().toPlainString() + ", not 1; adjust them so "
                    + "they sum to 1");
        }
        return models;
    }

    private static String dataset(String text) {
        if (BUNDLED_DATASETS.contains(text)) {
            return text;
        }
        String hint = Suggestions.nearest(text, BUNDLED_DATASETS)
                .map(name -> "did you mean '" + name + "'?")
                .orElse("use one of " + String.join(", ", BUNDLED_DATASETS)
                        + ", or source: file with a table from headroom workload fit");
        throw new IllegalArgumentException("unknown bundled table '" + text + "'; " + hint);
    }

    private static BigDecimal share(String text) {
        BigDecimal share = BigDecimal.valueOf(Units.number(text));
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("out of range: " + text
                    + " is not a fraction above 0 and at most 1; use a share such as 0.25");
        }
        return new BigDecimal(text.strip().replace("_", ""));
    }

    private static RequestDuration requestDuration(Section section) {
        DurationDistribution base = StoreReader.distribution(section,
                DurationDistribution.fixed(Duration.ofSeconds(1)));
        Duration perThousand = section.duration("per_thousand_tokens_out", Duration.ZERO,
                Duration.ZERO, Duration.ofHours(1), null);
        section.finish();
        return new RequestDuration(base, perThousand);
    }

    private static Credits credits(Section section) {
        long initial = section.money("initial", Defaults.INITIAL_CREDIT_MICROS, 0, null);
        long topUp = section.money("top_up", 0, 0, null);
        long below = section.money("top_up_below", 0, 0, null);
        section.finish();
        if (topUp == 0 && below > 0 && !section.hasProblem("top_up")) {
            section.problem("top_up_below", "inconsistent settings: a top-up threshold with no "
                    + "top_up amount; set top_up or remove top_up_below");
        }
        return new Credits(initial, topUp, below);
    }

    private static RowShape row(Section section) {
        int columns = (int) section.count("columns", Defaults.ROW_COLUMNS, 1, MAX_COLUMNS, null);
        long bytes = section.bytes("bytes", Defaults.ROW_BYTES, 1, 10_000_000, null, null);
        section.finish();
        return new RowShape(columns, bytes);
    }

    /** Sources of token sizes, as scenario files name them. */
    enum TokenSource {
        BUNDLED, FILE, FIXED
    }
}
