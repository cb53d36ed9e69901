package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter for throttled calls: the n-th retry waits
 * {@code min(2^n seconds + jitter, maximumBackoff)}.
 *
 * @param maximumBackoff the cap on one wait
 * @param maximumRetries retries after the first attempt before the call fails
 */
public record Backoff(Duration maximumBackoff, int maximumRetries) {

    public Backoff {
        Objects.requireNonNull(maximumBackoff, "maximumBackoff");
    }
}
