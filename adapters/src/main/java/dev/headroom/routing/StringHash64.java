package dev.headroom.routing;

/**
 * Fast, well-mixed 64-bit hash of a string. Four UTF-16 code units at a time are packed into a
 * 64-bit word and mixed into the state with one multiply and one rotate. MurmurHash3's 64-bit
 * finalizer then finishes the state, so every input bit affects every output bit.
 *
 * <p>Packing four code units per multiply keeps the dependency chain four times shorter than a
 * per-character hash such as FNV-1a, which is what lets a hash-based router run almost as fast
 * as a plain character sum. MurmurHash3 fmix64 and constants:
 * https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp (read 2026-12). Not a
 * cryptographic hash: a chosen set of keys can collide on purpose.
 */
public final class StringHash64 {

    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long MULTIPLIER = 0x87c37b91114253d5L;

    private StringHash64() {
    }

    /** Returns the 64-bit hash of {@code key}. */
    public static long hash(String key) {
        int length = key.length();
        long h = SEED ^ length;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            long word = key.charAt(i)
                    | (long) key.charAt(i + 1) << 16
                    | (long) key.charAt(i + 2) << 32
                    | (long) key.charAt(i + 3) << 48;
            h = Long.rotateLeft((h ^ word) * MULTIPLIER, 29);
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 16) {
            tail |= (long) key.charAt(i) << shift;
        }
        return mix((h ^ tail) * MULTIPLIER);
    }

    /** Returns MurmurHash3's fmix64 of {@code value}, a bijection on 64-bit values. */
    public static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
