package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Quality of {@link StringHash64}: avalanche at every position of short and long strings and no
 * collisions among many similar emails. Known values are pinned because a changed hash moves
 * users to other shards.
 */
class StringHash64Test {

    private static final int MAX_LENGTH = 24;
    private static final int STRINGS_PER_LENGTH = 64;
    private static final double MIN_FLIP_RATE = 0.4;
    private static final double MAX_FLIP_RATE = 0.6;

    @Test
    void avalancheAtEveryPosition() {
        SplittableRandom random = new SplittableRandom(41);
        for (int length = 1; length <= MAX_LENGTH; length++) {
            for (int position = 0; position < length; position++) {
                int[] flips = new int[Long.SIZE];
                int trials = 0;
                for (int s = 0; s < STRINGS_PER_LENGTH; s++) {
                    char[] chars = randomChars(random, length);
                    long original = StringHash64.hash(new String(chars));
                    for (int bit = 0; bit < Character.SIZE; bit++) {
                        chars[position] ^= (char) (1 << bit);
                        long changed = StringHash64.hash(new String(chars)) ^ original;
                        chars[position] ^= (char) (1 << bit);
                        for (int out = 0; out < Long.SIZE; out++) {
                            flips[out] += (int) (changed >>> out & 1);
                        }
                        trials++;
                    }
                }
                for (int out = 0; out < Long.SIZE; out++) {
                    double rate = (double) flips[out] / trials;
                    String where = "length " + length + ", position " + position
                            + ", output bit " + out + ": flip rate " + rate;
                    assertTrue(rate >= MIN_FLIP_RATE, where);
                    assertTrue(rate <= MAX_FLIP_RATE, where);
                }
            }
        }
    }

    @Test
    void similarEmailsNeverCollide() {
        Set<Long> hashes = new HashSet<>();
        int count = 200_000;
        for (int i = 0; i < count; i++) {
            hashes.add(StringHash64.hash("user" + i + "@example.com"));
        }
        assertEquals(count, hashes.size());
    }

    @Test
    void overlappingWordsOfDifferentLengthsDiffer() {
        // Both strings read the words "abcd" and "bcde", so only the length in the seed
        // separates them.
        assertNotEquals(StringHash64.hash("abcde"), StringHash64.hash("abcdbcde"));
        assertNotEquals(StringHash64.hash(""), StringHash64.hash("\0"));
        assertNotEquals(StringHash64.hash("a"), StringHash64.hash("a\0"));
    }

    @Test
    void hashValuesAreFixed() {
        // The expected values come from an independent implementation of the algorithm that the
        // class Javadoc describes, not from this class.
        assertEquals(0x72623ad77a5f4c62L, StringHash64.hash(""));
        assertEquals(0x560e18643942c685L, StringHash64.hash("a@b"));
        assertEquals(0x43977ade128f79b8L, StringHash64.hash("maria.lopez@corp.com"));
        assertEquals(0x590087c7961d2960L,
                StringHash64.hash("jo\u00eblle+n\u00e8ws@t\u00ebst.de"));
    }

    private static char[] randomChars(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) random.nextInt(1 << Character.SIZE);
        }
        return chars;
    }
}
