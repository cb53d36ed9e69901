package dev.headroom.retry;

/**
 * Randomization that a {@link RetryPolicy} applies to the exponential delay
 * {@code d = base * 2^(retry - 1)}. Both results are capped at the policy's maximum delay.
 */
public enum Jitter {
    /**
     * Uniform in {@code [0, d)}: the "exponential backoff with full jitter" that the AWS SDKs
     * use (https://docs.aws.amazon.com/sdk-for-javascript/v2/developer-guide/retry-strategy.html,
     * read 2026-12). It spreads the retries of many clients furthest apart.
     */
    FULL,
    /**
     * {@code d} plus a uniform extra in {@code [0, base)}. This is Google's documented algorithm
     * for the Sheets API with a base of one second: wait {@code 2^n} seconds plus up to 1,000
     * random milliseconds, capped at a maximum backoff of typically 32 or 64 seconds
     * (https://developers.google.com/workspace/sheets/api/limits, read 2026-04-23).
     */
    ADDITIVE
}
