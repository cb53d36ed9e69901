package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Properties every router must have (deterministic, in range), the even spread of the hashing
 * routers, and the bounded movement of the routers that promise it when a shard is added.
 *
 * <p>Spread: a chi-square goodness-of-fit test of the shard counts against a uniform spread
 * must not reject at significance 0.001 (commons-math3 {@link ChiSquareTest}). The ring is held
 * to a looser bound, because its arcs differ in length by design: with 160 virtual nodes each
 * shard's share varies by about 8%, so no shard may hold more than 1.35 times the mean. From N
 * to N+1 shards at most {@code 1.25/(N+1)} of the keys plus four binomial standard deviations
 * may move, and only to the new shard. The plan's character-sum router is measured, not held
 * to these properties: {@code CharSumRouterTest} and the routing report cover it.
 */
class RouterPropertiesTest {

    private static final Logger LOG = LoggerFactory.getLogger(RouterPropertiesTest.class);
    private static final double SIGNIFICANCE = 0.001;
    private static final double RING_MAX_OVER_MEAN = 1.35;
    private static final Set<RouterKind> HASHING = EnumSet.of(RouterKind.SHA256_PREFIX,
            RouterKind.JUMP, RouterKind.SLOT_TABLE, RouterKind.RENDEZVOUS);
    private static final Set<RouterKind> CONSISTENT = EnumSet.of(RouterKind.JUMP,
            RouterKind.SLOT_TABLE, RouterKind.RENDEZVOUS, RouterKind.RING);

    @BeforeAll
    static void logBounds() {
        LOG.info("Spread: chi-square must not reject an even spread at significance {}; ring:"
                + " no shard above {} times the mean; adding shard N+1 moves at most"
                + " 1.25/(N+1) of the keys plus 4 binomial standard deviations",
                SIGNIFICANCE, RING_MAX_OVER_MEAN);
    }

    @Test
    void everyRouterIsDeterministicAndInRange() {
        qt().withFixedSeed(11).withExamples(400)
                .forAll(Generate.enumValues(RouterKind.class), integers().between(1, 300),
                        EmailSets.emails())
                .check((kind, shards, email) -> {
                    int first = kind.create(shards).route(email);
                    int again = kind.create(shards).route(email);
                    return first == again && first >= 0 && first < shards;
                });
    }

    @Test
    void hashingRoutersSpreadEmailSetsEvenly() {
        qt().withFixedSeed(12).withExamples(12)
                .forAll(Generate.pick(java.util.List.copyOf(HASHING)),
                        integers().between(2, 64), integers().between(1_000, 100_000),
                        longs().all())
                .check((kind, shards, count, seed) -> {
                    String[] emails = EmailSets.distinct(count, seed);
                    return spreadPValue(kind.create(shards), emails) > SIGNIFICANCE;
                });
    }

    @Test
    void consistentRoutersMoveAtMostTheirShareWhenAShardIsAdded() {
        qt().withFixedSeed(13).withExamples(20)
                .forAll(Generate.pick(java.util.List.copyOf(CONSISTENT)),
                        integers().between(1, 40), longs().all())
                .check((kind, shards, seed) -> {
                    String[] emails = EmailSets.distinct(20_000, seed);
                    return movementWithinBound(kind, shards, emails);
                });
    }

    @Test
    void ringKeepsEveryShardNearTheMean() {
        qt().withFixedSeed(14).withExamples(10)
                .forAll(integers().between(2, 64), longs().all())
                .check((shards, seed) -> {
                    String[] emails = EmailSets.distinct(20_000, seed);
                    long[] counts = countPerShard(RouterKind.RING.create(shards), emails);
                    double mean = (double) emails.length / shards;
                    return java.util.Arrays.stream(counts).max().orElseThrow()
                            <= RING_MAX_OVER_MEAN * mean;
                });
    }

    @Test
    void hashingRoutersSpreadTheBenchmarkEmails() {
        for (RouterKind kind : HASHING) {
            String[] emails = EmailSets.distinct(50_000, 99);
            double p = spreadPValue(kind.create(10), emails);
            LOG.info("{}: 50,000 emails over 10 shards, chi-square p-value {}", kind,
                    String.format(java.util.Locale.ROOT, "%.4f", p));
            assertTrue(p > SIGNIFICANCE, kind + " spread p-value " + p);
        }
    }

    @Test
    void spreadEvenAtEachShardCount() {
        String[] emails = EmailSets.distinct(20_000, 100);
        int tests = HASHING.size() * 63;
        for (RouterKind kind : HASHING) {
            for (int shards = 2; shards <= 64; shards++) {
                double p = spreadPValue(kind.create(shards), emails);
                assertTrue(p > SIGNIFICANCE / tests, kind + " over " + shards
                        + " shards: chi-square p-value " + p + " of 20,000 emails is below "
                        + SIGNIFICANCE + " / " + tests + " tests");
            }
        }
    }

    static double spreadPValue(ShardRouter router, String[] emails) {
        long[] observed = countPerShard(router, emails);
        double[] expected = new double[observed.length];
        java.util.Arrays.fill(expected, (double) emails.length / observed.length);
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    static long[] countPerShard(ShardRouter router, String[] emails) {
        long[] counts = new long[router.shardCount()];
        for (String email : emails) {
            counts[router.route(email)]++;
        }
        return counts;
    }

    private static boolean movementWithinBound(RouterKind kind, int shards, String[] emails) {
        ShardRouter before = kind.create(shards);
        ShardRouter after = kind.create(shards + 1);
        int moved = 0;
        for (String email : emails) {
            int from = before.route(email);
            int to = after.route(email);
            if (from != to) {
                if (to != shards) {
                    return false;
                }
                moved++;
            }
        }
        double share = 1.0 / (shards + 1);
        double sigma = Math.sqrt(share * (1 - share) / emails.length);
        return (double) moved / emails.length <= 1.25 * share + 4 * sigma;
    }
}
