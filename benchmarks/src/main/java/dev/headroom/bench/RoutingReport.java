package dev.headroom.bench;

import dev.headroom.routing.CharSumRouter;
import dev.headroom.routing.EffectiveCapacity;
import dev.headroom.routing.RouterKind;
import dev.headroom.routing.ShardRouter;
import dev.headroom.routing.StickyRouter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Measures how each router spreads users, how many move when a workbook is added, and how many
 * users fit in the plan's 5 workbooks of 200 tabs before the first one fills, and writes the
 * tables as Markdown. Every email set is drawn from a fixed seed, so the report is reproducible.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.headroom.bench.RoutingReport
 * benchmarks/report/routing.md}
 */
public final class RoutingReport {

    private static final int SPREAD_EMAILS = 10_000;
    private static final int CAPACITY_SETS = 200;
    private static final int WORKBOOKS = 5;
    private static final int TABS = 200;
    private static final int EXISTING_USERS = 150;

    private RoutingReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RoutingReport OUTPUT_MD");
            System.exit(2);
        }
        String report = spreadTable() + "\n" + movementTable() + "\n" + capacityTable(0)
                + "\n" + capacityTable(EXISTING_USERS) + "\n" + charSumCases();
        Files.writeString(Path.of(args[0]), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    static String spreadTable() {
        String[] emails = Emails.generate(SPREAD_EMAILS, 1);
        StringBuilder out = new StringBuilder("## Spread of " + SPREAD_EMAILS + " emails\n\n"
                + "Chi-square p-value against an even spread, and the fullest shard's count "
                + "over the mean.\n\n| router | shards | p-value | max / mean |\n"
                + "|---|---:|---:|---:|\n");
        for (RouterKind kind : RouterKind.values()) {
            for (int shards : new int[] {5, 64, 1000}) {
                long[] counts = counts(kind.create(shards), emails);
                double mean = (double) SPREAD_EMAILS / shards;
                out.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.2f |%n",
                        kind.configName(), shards, pValue(counts, mean),
                        Arrays.stream(counts).max().orElseThrow() / mean));
            }
        }
        return out.toString();
    }

    static String movementTable() {
        String[] emails = Emails.generate(SPREAD_EMAILS, 2);
        StringBuilder out = new StringBuilder("## Users moved when a shard is added\n\n"
                + "| router | from | to | moved | ideal 1/(N+1) |\n|---|---:|---:|---:|---:|\n");
        for (RouterKind kind : RouterKind.values()) {
            for (int shards : new int[] {1, 4, 5, 10}) {
                ShardRouter before = kind.create(shards);
                ShardRouter after = kind.create(shards + 1);
                long moved = Arrays.stream(emails)
                        .filter(e -> before.route(e) != after.route(e)).count();
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |%n",
                        kind.configName(), shards, shards + 1, (double) moved / emails.length,
                        1.0 / (shards + 1)));
            }
        }
        return out.toString();
    }

    /**
     * Returns the effective-capacity table; with {@code existingUsers > 0} the first users are
     * pinned to workbook 0 as the plan keeps them in the original workbook.
     */
    static String capacityTable(int existingUsers) {
        String title = existingUsers == 0 ? "" : ", the first " + existingUsers
                + " users kept in workbook 0";
        StringBuilder out = new StringBuilder("## Effective capacity of " + WORKBOOKS
                + " workbooks of " + TABS + " tabs" + title + "\n\nUsers who sign up before "
                + "the first one is turned away by a full workbook (nominal "
                + WORKBOOKS * TABS + "), over "
                + CAPACITY_SETS + " random email sets.\n\n| router | min | p5 | median | mean "
                + "| p95 |\n|---|---:|---:|---:|---:|---:|\n");
        for (RouterKind kind : RouterKind.values()) {
            double[] fitted = new double[CAPACITY_SETS];
            for (int set = 0; set < CAPACITY_SETS; set++) {
                String[] emails = Emails.generate(WORKBOOKS * TABS + 1, 1_000 + set);
                StickyRouter router = new StickyRouter(kind.create(WORKBOOKS));
                for (int i = 0; i < existingUsers; i++) {
                    router.place(emails[i], 0);
                }
                fitted[set] = EffectiveCapacity.usersBeforeFirstFull(router, emails, TABS);
            }
            out.append(capacityRow(kind.configName(), fitted));
        }
        return out.toString();
    }

    /** Returns one router's row: minimum, 5th percentile, median, mean and 95th percentile. */
    static String capacityRow(String router, double[] fitted) {
        Percentile percentile = new Percentile();
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f | %.0f |%n",
                router, Arrays.stream(fitted).min().orElseThrow(),
                percentile.evaluate(fitted, 5), percentile.evaluate(fitted, 50),
                Arrays.stream(fitted).average().orElseThrow(), percentile.evaluate(fitted, 95));
    }

    static String charSumCases() {
        CharSumRouter five = new CharSumRouter(WORKBOOKS);
        String[] anagrams = {
            "maria.lopez@corp.com", "mario.lapez@corp.com", "amria.lopez@corp.com"
        };
        StringBuilder out = new StringBuilder("## Where the character sum fails\n\n");
        List<String> placements = new ArrayList<>();
        for (String email : anagrams) {
            placements.add("`" + email + "` -> workbook " + five.route(email));
        }
        out.append("- Anagrams always share a workbook: ").append(String.join(", ", placements))
                .append('.');
        out.append("\n- Growing from 5 to 6 workbooks moves most users (table above), so the "
                + "plan must pin every existing user, not only those of the first workbook.");
        String[] emails = Emails.generate(SPREAD_EMAILS, 3);
        long maxSum = Arrays.stream(emails).mapToLong(RoutingReport::charSum).max().orElseThrow();
        out.append(String.format(Locale.ROOT, "%n- With 10,000 shards no shard above %d (the "
                + "largest sum among %d realistic emails) receives any of them. Only an address "
                + "with a larger sum, such as a longer one, reaches those shards.%n", maxSum,
                SPREAD_EMAILS));
        return out.toString();
    }

    private static long charSum(String email) {
        return email.chars().asLongStream().sum();
    }

    private static long[] counts(ShardRouter router, String[] emails) {
        long[] counts = new long[router.shardCount()];
        for (String email : emails) {
            counts[router.route(email)]++;
        }
        return counts;
    }

    private static double pValue(long[] counts, double mean) {
        double[] expected = new double[counts.length];
        Arrays.fill(expected, mean);
        return new ChiSquareTest().chiSquareTest(expected, counts);
    }
}
