package dev.headroom.routing;

/**
 * Fast, well-mixed 64-bit hash of a string: FNV-1a over the UTF-16 code units, then the
 * 64-bit finalizer of MurmurHash3 so that every input bit affects every output bit.
 *
 * <p>FNV-1a: http://www.isthe.com/chongo/tech/comp/fnv/ ; MurmurHash3 fmix64:
 * https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp (both read 2026-12).
 * Not a cryptographic hash: a chosen set of keys can collide on purpose.
 */
public final class StringHash64 {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StringHash64() {
    }

    /** Returns the 64-bit hash of {@code key}. */
    public static long hash(String key) {
        long h = FNV_OFFSET_BASIS;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
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
