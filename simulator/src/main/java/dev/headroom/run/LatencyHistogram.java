package dev.headroom.run;

import java.util.Arrays;

/**
 * Counts call latencies in milliseconds for percentile queries, in fixed memory.
 *
 * <p>Values below {@value #EXACT_LIMIT} ms have a bucket each, so their percentiles are exact.
 * Larger values share log-scaled buckets of {@value #SUB_BUCKETS} per power of two, so a
 * reported percentile is the lower bound of its bucket and at most 1/{@value #SUB_BUCKETS}
 * (about 1.6%) below the true value. Not thread-safe.
 */
public final class LatencyHistogram {

    static final int EXACT_LIMIT = 1024;
    static final int SUB_BUCKETS = 64;
    private static final int EXACT_BITS = 10;
    private static final int SUB_BITS = 6;
    private static final int OCTAVES = 63 - EXACT_BITS;

    private final long[] counts = new long[EXACT_LIMIT + OCTAVES * SUB_BUCKETS];
    private long total;

    /** Adds one latency in milliseconds; negative values count as zero. */
    public void record(long millis) {
        counts[bucketOf(Math.max(0, millis))]++;
        total++;
    }

    /** Returns the number of latencies recorded since the last {@link #clear()}. */
    public long count() {
        return total;
    }

    /** Removes every recorded latency. */
    public void clear() {
        Arrays.fill(counts, 0);
        total = 0;
    }

    /**
     * Returns the smallest recorded latency such that at least {@code quantile} of all recorded
     * latencies are at or below it (the nearest-rank method), or zero when nothing is recorded.
     *
     * @param quantile a fraction in {@code (0, 1]}, such as 0.95
     */
    public long percentile(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile is " + quantile
                    + "; it must be in (0, 1]");
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return lowerBound(bucket);
            }
        }
        throw new IllegalStateException("histogram counts do not add up to " + total);
    }

    static int bucketOf(long millis) {
        if (millis < EXACT_LIMIT) {
            return (int) millis;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(millis);
        int octave = exponent - EXACT_BITS;
        int sub = (int) (millis >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return EXACT_LIMIT + octave * SUB_BUCKETS + sub;
    }

    static long lowerBound(int bucket) {
        if (bucket < EXACT_LIMIT) {
            return bucket;
        }
        int octave = (bucket - EXACT_LIMIT) / SUB_BUCKETS;
        int sub = (bucket - EXACT_LIMIT) % SUB_BUCKETS;
        int exponent = octave + EXACT_BITS;
        return (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
    }
}
