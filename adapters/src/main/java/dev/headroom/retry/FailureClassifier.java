package dev.headroom.retry;

import java.time.Duration;
import java.util.Optional;

/** Store-specific rule that decides whether a failed call is worth repeating. */
@FunctionalInterface
public interface FailureClassifier {

    /** Returns the kind of {@code failure}; never null. */
    FailureKind classify(Throwable failure);

    /**
     * Returns the minimum wait that the store requested, such as an HTTP {@code Retry-After}
     * header, or empty when it gave none. The retrier waits at least this long, within its
     * total-time bound.
     */
    default Optional<Duration> retryAfter(Throwable failure) {
        return Optional.empty();
    }
}
