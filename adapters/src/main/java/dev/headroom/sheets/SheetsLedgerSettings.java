package dev.headroom.sheets;

import dev.headroom.retry.Jitter;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.TabGuard;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Settings shared by the Sheets ledgers.
 *
 * @param tabGuard the maximum tabs per workbook that the ledger enforces before adding a tab, or
 *     empty to add tabs until Google's cell budget stops them
 * @param retryPolicy how throttled and failed calls are retried
 * @param cacheTtl how long a ledger trusts what it read of a user's rows before reading them
 *     again, which is the longest time before rows of other processes become visible
 * @param nanoClock monotonic clock in nanoseconds that ages the cache
 */
public record SheetsLedgerSettings(
        Optional<TabGuard> tabGuard,
        RetryPolicy retryPolicy,
        Duration cacheTtl,
        LongSupplier nanoClock) {

    /** The 30 s for which the proxy caches a balance. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

    /** Checks every setting. */
    public SheetsLedgerSettings {
        Objects.requireNonNull(tabGuard, "tabGuard");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (cacheTtl == null || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl is " + cacheTtl
                    + "; give zero or a positive duration");
        }
    }

    /**
     * Returns the defaults: the proxy's guard of 200 tabs, Google's backoff, a 30 s cache and
     * {@link System#nanoTime()}.
     */
    public static SheetsLedgerSettings defaults() {
        return new SheetsLedgerSettings(Optional.of(TabGuard.DEFAULT),
                googleRetryPolicy(RetryPolicy.builder()), DEFAULT_CACHE_TTL, System::nanoTime);
    }

    /**
     * Completes a retry builder with Google's backoff for the Sheets API: waits of
     * {@code 2^n} seconds plus up to one random second, capped at
     * {@link GoogleBackoff#DEFAULT}'s maximum, for at most its number of retries and 5 minutes.
     * The builder keeps its sleeper, clock and random source, which tests replace.
     */
    public static RetryPolicy googleRetryPolicy(RetryPolicy.Builder builder) {
        GoogleBackoff backoff = GoogleBackoff.DEFAULT;
        return builder.maxAttempts(backoff.maxRetries() + 1)
                .baseDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofMillis(backoff.maximumBackoffMillis()))
                .maxElapsed(Duration.ofMinutes(5))
                .jitter(Jitter.ADDITIVE)
                .build();
    }

    /** Returns these settings with the tab guard {@code guard}. */
    public SheetsLedgerSettings withTabGuard(TabGuard guard) {
        return new SheetsLedgerSettings(Optional.of(guard), retryPolicy, cacheTtl, nanoClock);
    }

    /** Returns these settings without a tab guard. */
    public SheetsLedgerSettings withoutTabGuard() {
        return new SheetsLedgerSettings(Optional.empty(), retryPolicy, cacheTtl, nanoClock);
    }

    /** Returns these settings with another retry policy. */
    public SheetsLedgerSettings withRetryPolicy(RetryPolicy policy) {
        return new SheetsLedgerSettings(tabGuard, policy, cacheTtl, nanoClock);
    }

    /** Returns these settings with another cache lifetime and clock. */
    public SheetsLedgerSettings withCache(Duration ttl, LongSupplier clock) {
        return new SheetsLedgerSettings(tabGuard, retryPolicy, ttl, clock);
    }
}
