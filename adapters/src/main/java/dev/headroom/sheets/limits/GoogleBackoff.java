package dev.headroom.sheets.limits;

import java.util.function.IntUnaryOperator;

/**
 * Google's truncated exponential backoff for time-based quota errors: before retry {@code n}
 * (counted from 0), wait {@code min(2^n s + random ms, maximum backoff)}, where the random part
 * is drawn again for each retry, uniform over 0 to 1,000 ms. After the wait reaches the maximum,
 * retries keep that interval until the retry cap is spent.
 *
 * <p>Source: Sheets API usage limits, "Resolve time-based quota errors",
 * https://developers.google.com/workspace/sheets/api/limits (copy of 2026-04-23), which says the
 * maximum backoff "is typically 32 or 64 seconds" and that the number of retries should be
 * capped without giving a number.
 *
 * @param maximumBackoffMillis the longest wait, in milliseconds
 * @param maxRetries the number of retries after the first attempt; zero disables retries
 */
public record GoogleBackoff(long maximumBackoffMillis, int maxRetries) {

    /** The largest random addition to a wait, in milliseconds, inclusive. */
    public static final int MAX_JITTER_MILLIS = 1_000;

    /**
     * A maximum backoff of 32 s, the lower of Google's two typical values, and 7 retries.
     * NOTE: Google gives no retry count; 7 retries wait at least 95 s in total, long enough for
     * any per-minute window to refill.
     */
    public static final GoogleBackoff DEFAULT = new GoogleBackoff(32_000L, 7);

    private static final int MAX_SHIFT = 40;

    public GoogleBackoff {
        if (maximumBackoffMillis < 1) {
            throw new IllegalArgumentException("maximumBackoffMillis must be positive, got "
                    + maximumBackoffMillis);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got "
                    + maxRetries);
        }
    }

    /** Returns whether another retry is allowed after {@code retriesDone} retries. */
    public boolean allowsRetry(int retriesDone) {
        return retriesDone < maxRetries;
    }

    /**
     * Returns the wait before retry {@code retry} (0 for the first retry), in milliseconds.
     *
     * @param uniformBelow a source that, given a bound, returns a uniform integer in
     *     {@code [0, bound)}, such as {@code random::nextInt}; it is called once
     */
    public long delayMillis(int retry, IntUnaryOperator uniformBelow) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must not be negative, got " + retry);
        }
        int jitter = uniformBelow.applyAsInt(MAX_JITTER_MILLIS + 1);
        if (jitter < 0 || jitter > MAX_JITTER_MILLIS) {
            throw new IllegalArgumentException("The random source returned " + jitter
                    + " for the bound " + (MAX_JITTER_MILLIS + 1));
        }
        long exponential = 1_000L << Math.min(retry, MAX_SHIFT);
        return Math.min(exponential + jitter, maximumBackoffMillis);
    }
}
