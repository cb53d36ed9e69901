package dev.headroom.bench;

import dev.headroom.engine.RandomStream;

/**
 * The model that every engine in {@link EngineBenchmark} runs, so that only the engine differs:
 * each of 10,000 users sends requests as its own Poisson process, so one event per user is
 * always pending. A request reads the user's balance unless a read younger than the cache TTL
 * exists, and reads pass a per-minute quota window or count as throttled; one request in a
 * hundred is a credit purchase that empties the user's cache entry. Each event draws one
 * exponential gap and one uniform number.
 *
 * <p>Not thread-safe. Time is in simulated milliseconds.
 */
final class ReferenceModel {

    static final int USERS = 10_000;
    static final double REQUESTS_PER_USER_PER_DAY = 10.0;
    static final long CACHE_TTL_MILLIS = 30_000;
    static final int READS_PER_MINUTE = 60;
    static final double MEAN_GAP_MILLIS = 86_400_000.0 / REQUESTS_PER_USER_PER_DAY;
    static final double CREDIT_PURCHASE_SHARE = 0.01;

    private final RandomStream random;
    private final long[] lastReadMillis = new long[USERS];
    private long windowMinute = -1;
    private int readsInWindow;
    private long reads;
    private long throttled;
    private long cacheHits;

    ReferenceModel(long seed) {
        random = new RandomStream(seed);
        java.util.Arrays.fill(lastReadMillis, Long.MIN_VALUE / 2);
    }

    /** Draws the gap to a user's next request, in milliseconds (at least 1). */
    long nextGapMillis() {
        return 1 + (long) random.nextExponential(MEAN_GAP_MILLIS);
    }

    /** Draws the uniform number that decides whether a request is a credit purchase. */
    double nextUniform() {
        return random.nextDouble();
    }

    /** Handles one request of {@code user} at {@code nowMillis}. */
    void onRequest(int user, long nowMillis) {
        if (nextUniform() < CREDIT_PURCHASE_SHARE) {
            lastReadMillis[user] = Long.MIN_VALUE / 2;
            return;
        }
        if (nowMillis - lastReadMillis[user] < CACHE_TTL_MILLIS) {
            cacheHits++;
            return;
        }
        long minute = nowMillis / 60_000;
        if (minute != windowMinute) {
            windowMinute = minute;
            readsInWindow = 0;
        }
        if (readsInWindow < READS_PER_MINUTE) {
            readsInWindow++;
            reads++;
            lastReadMillis[user] = nowMillis;
        } else {
            throttled++;
        }
    }

    /** Returns a checksum of the counters, for the benchmark to consume. */
    long checksum() {
        return reads * 31 + throttled * 17 + cacheHits;
    }
}
