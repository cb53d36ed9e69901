package dev.headroom.retry;

import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.ThrottledException;
import dev.headroom.metrics.MetricsRecorder;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs store calls under a {@link RetryPolicy}, with one store's {@link FailureClassifier} and
 * one adapter's metrics. Thread-safe.
 *
 * <p>For every failure classified {@link FailureKind#THROTTLED} it calls
 * {@link MetricsRecorder#recordThrottle()}, and before every retry
 * {@link MetricsRecorder#recordRetry()}, so an adapter that retries through this class must not
 * count throttles or retries itself. It counts no calls: the adapter records each attempt.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final FailureClassifier classifier;
    private final MetricsRecorder metrics;

    Retrier(RetryPolicy policy, FailureClassifier classifier, MetricsRecorder metrics) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Makes the call, repeating it after throttled and transient failures until it succeeds or
     * the policy's attempts or total time run out. A call that may be repeated must be
     * idempotent.
     *
     * @param operation short name of the call for logs and errors, such as {@code "record"}
     * @param id the id the call concerns, such as a transaction id or an email, for logs
     * @throws ThrottledException if the last failure was throttling
     * @throws StoreUnavailableException if the last failure was transient, if the thread was
     *     interrupted while waiting, or if a permanent failure was a checked exception
     * @throws RuntimeException a permanent failure that was unchecked, unchanged
     */
    public <T> T execute(String operation, String id, RetryableCall<T> call) {
        long startNanos = policy.nowNanos();
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            try {
                return call.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException(
                        operation + " for " + id + " was interrupted", e);
            } catch (Exception e) {
                failure = e;
            }
            FailureKind kind = classify(failure);
            if (kind == FailureKind.PERMANENT) {
                throw permanent(operation, id, failure);
            }
            Duration delay = nextDelay(attempt, failure);
            Duration elapsed = Duration.ofNanos(policy.nowNanos() - startNanos);
            if (attempt >= policy.maxAttempts()
                    || elapsed.plus(delay).compareTo(policy.maxElapsed()) > 0) {
                throw giveUp(operation, id, kind, attempt, elapsed, failure);
            }
            LOG.warn("Retrying {} for {} after {} failure on attempt {} of {}, waiting {} ms: {}",
                    operation, id, kind, attempt, policy.maxAttempts(), delay.toMillis(),
                    failure.toString());
            metrics.recordRetry();
            sleep(operation, id, delay);
        }
    }

    private FailureKind classify(Exception failure) {
        FailureKind kind = Objects.requireNonNull(classifier.classify(failure), "failure kind");
        if (kind == FailureKind.THROTTLED) {
            metrics.recordThrottle();
        }
        return kind;
    }

    private Duration nextDelay(int attempt, Exception failure) {
        Duration backoff = policy.delayBeforeRetry(attempt);
        Duration requested = classifier.retryAfter(failure).orElse(Duration.ZERO);
        return requested.compareTo(backoff) > 0 ? requested : backoff;
    }

    private void sleep(String operation, String id, Duration delay) {
        try {
            policy.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(
                    operation + " for " + id + " was interrupted while waiting to retry", e);
        }
    }

    private static RuntimeException permanent(String operation, String id, Exception failure) {
        if (failure instanceof RuntimeException unchecked) {
            return unchecked;
        }
        return new StoreUnavailableException(
                operation + " for " + id + " failed: " + failure.getMessage(), failure);
    }

    private static RuntimeException giveUp(String operation, String id, FailureKind kind,
            int attempts, Duration elapsed, Exception failure) {
        String summary = operation + " for " + id + " failed after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " in " + elapsed.toMillis() + " ms";
        LOG.warn("Giving up: {}: {}", summary, failure.toString());
        if (kind == FailureKind.THROTTLED) {
            return new ThrottledException(summary + " because the store throttled it; "
                    + "lower the request rate or raise the store's quota", failure);
        }
        return new StoreUnavailableException(summary + "; last error: " + failure.getMessage()
                + "; check that the store is reachable and healthy", failure);
    }
}
