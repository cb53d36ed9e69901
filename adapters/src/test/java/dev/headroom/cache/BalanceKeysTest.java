package dev.headroom.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Checks that a user's two cache keys share one Redis Cluster slot and that no two emails share
 * a hash tag, for emails with braces in any place. Slots come from Jedis's
 * {@link JedisClusterCRC16}, which applies the cluster's hash tag rule.
 */
class BalanceKeysTest {

    private static final String PREFIX = "headroom:";
    private static final List<String> BRACED_EMAILS = List.of(
            "ann@example.com",
            "a}b@example.com",
            "a}c@example.com",
            "}a@example.com",
            "}b@example.com",
            "{a}@example.com",
            "a{b@example.com",
            "{}@example.com",
            "}{@example.com",
            "a}}b@example.com");

    /** Returns the hash tag of a key by the Redis Cluster rule, or null when it has none. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        if (open < 0) {
            return null;
        }
        int close = key.indexOf('}', open + 1);
        if (close < 0 || close == open + 1) {
            return null;
        }
        return key.substring(open + 1, close);
    }

    @Test
    void bracedEmails_keepBothKeysInOneSlot() {
        for (String email : BRACED_EMAILS) {
            BalanceKeys keys = BalanceKeys.of(PREFIX, email);

            assertEquals(JedisClusterCRC16.getSlot(keys.balance()),
                    JedisClusterCRC16.getSlot(keys.generation()), "slots of " + email);
        }
    }

    @Test
    void bracedEmails_haveNonEmptyTag() {
        for (String email : BRACED_EMAILS) {
            BalanceKeys keys = BalanceKeys.of(PREFIX, email);

            String tag = hashTag(keys.balance());
            assertNotNull(tag, "no hash tag in " + keys.balance());
            assertEquals(tag, hashTag(keys.generation()), "tags of " + email);
        }
    }

    @Test
    void distinctEmails_haveDistinctTags() {
        for (String first : BRACED_EMAILS) {
            for (String second : BRACED_EMAILS) {
                if (!first.equals(second)) {
                    assertNotEquals(hashTag(BalanceKeys.of(PREFIX, first).balance()),
                            hashTag(BalanceKeys.of(PREFIX, second).balance()),
                            first + " and " + second);
                }
            }
        }
    }

    @Test
    void anyEmail_keepsBothKeysInOneSlot() {
        qt().withFixedSeed(31).withExamples(2_000)
                .forAll(strings().betweenCodePoints('{' - 3, '}' + 1).ofLengthBetween(0, 12),
                        strings().allPossible().ofLengthBetween(0, 8))
                .check((braced, other) -> {
                    BalanceKeys keys = BalanceKeys.of(PREFIX, braced + other + "@example.com");
                    return JedisClusterCRC16.getSlot(keys.balance())
                            == JedisClusterCRC16.getSlot(keys.generation());
                });
    }

    @Test
    void tag_isEmailDigest() {
        BalanceKeys keys = BalanceKeys.of(PREFIX, "ann@example.com");

        String digest = BalanceKeys.emailDigest("ann@example.com");
        assertEquals(64, digest.length());
        assertEquals(PREFIX + "balance:{" + digest + "}", keys.balance());
        assertEquals(PREFIX + "generation:{" + digest + "}", keys.generation());
    }

    @Test
    void bracedPrefix_isRejected() {
        for (String prefix : List.of("{headroom}:", "a{", "b}")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new CacheSettings(Duration.ofSeconds(1), prefix));

            assertTrue(error.getMessage().contains("keyPrefix"), error.getMessage());
        }
    }
}
