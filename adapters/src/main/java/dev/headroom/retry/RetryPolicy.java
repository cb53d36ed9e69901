package dev.headroom.retry;

import dev.headroom.metrics.MetricsRecorder;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Timing of retries: how many attempts, how long to wait before each retry and how long all
 * attempts may take together. Immutable and safe to share between threads and adapters.
 *
 * <p>The wait before retry {@code n} (the first retry is 1) grows as
 * {@code baseDelay * 2^(n - 1)}, capped at {@code maxDelay} and randomized by {@link Jitter}.
 * A retry is skipped, and the call fails, when its wait would end after {@code maxElapsed}
 * measured from the start of the first attempt.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxElapsed;
    private final Jitter jitter;
    private final Sleeper sleeper;
    private final DoubleSupplier uniform;
    private final LongSupplier nanoClock;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = builder.baseDelay;
        this.maxDelay = builder.maxDelay;
        this.maxElapsed = builder.maxElapsed;
        this.jitter = builder.jitter;
        this.sleeper = builder.sleeper;
        this.uniform = builder.uniform;
        this.nanoClock = builder.nanoClock;
    }

    /** Returns a builder that starts from the settings of {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the default policy: 8 attempts, 50 ms base delay, 5 s maximum delay, 30 s in total,
     * full jitter from an unseeded generator, real sleeping and {@link System#nanoTime()}.
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Returns a policy that makes exactly one attempt and never retries. */
    public static RetryPolicy noRetries() {
        return builder().maxAttempts(1).build();
    }

    /** Pairs this policy with one store's failure rules and the metrics of one adapter. */
    public Retrier retrier(FailureClassifier classifier, MetricsRecorder metrics) {
        return new Retrier(this, classifier, metrics);
    }

    /**
     * Computes the randomized wait before retry {@code retry} (1 for the first retry), without
     * the {@code maxElapsed} bound. Draws one number from the jitter source.
     */
    public Duration delayBeforeRetry(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is " + retry + "; the first retry is 1");
        }
        long exponentialNanos = cappedExponentialNanos(retry);
        double fraction = drawUniform();
        long delayNanos;
        if (jitter == Jitter.FULL) {
            delayNanos = (long) (exponentialNanos * fraction);
        } else {
            long extraNanos = (long) (baseDelay.toNanos() * fraction);
            delayNanos = Math.min(maxDelay.toNanos(), exponentialNanos + extraNanos);
        }
        return Duration.ofNanos(delayNanos);
    }

    /** Returns {@code min(maxDelay, baseDelay * 2^(retry - 1))} in nanoseconds. */
    long cappedExponentialNanos(int retry) {
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        int shift = retry - 1;
        if (shift >= Long.SIZE - 2 || base > (cap >> shift)) {
            return cap;
        }
        return base << shift;
    }

    private double drawUniform() {
        double value;
        synchronized (uniform) {
            value = uniform.getAsDouble();
        }
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalStateException(
                    "jitter source returned " + value + "; it must return values in [0, 1)");
        }
        return value;
    }

    /** Returns the maximum number of attempts, the first one included; at least 1. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns the bound on the time from the first attempt to the end of the last wait. */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    long nowNanos() {
        return nanoClock.getAsLong();
    }

    /** Collects the settings of a {@link RetryPolicy}; each setter checks its argument. */
    public static final class Builder {
        private int maxAttempts = 8;
        private Duration baseDelay = Duration.ofMillis(50);
        private Duration maxDelay = Duration.ofSeconds(5);
        private Duration maxElapsed = Duration.ofSeconds(30);
        private Jitter jitter = Jitter.FULL;
        private Sleeper sleeper = Sleeper.SYSTEM;
        // Unseeded by default so that clients in separate processes spread their retries.
        private DoubleSupplier uniform = new SplittableRandom()::nextDouble;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /** Sets the maximum number of attempts, the first one included; at least 1. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException(
                        "maxAttempts is " + attempts + "; it must be at least 1");
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** Sets the wait before the first retry, before jitter; positive. */
        public Builder baseDelay(Duration delay) {
            this.baseDelay = requirePositive(delay, "baseDelay");
            return this;
        }

        /** Sets the cap on one wait; positive. */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = requirePositive(delay, "maxDelay");
            return this;
        }

        /** Sets the bound on the time from the first attempt to the end of the last wait. */
        public Builder maxElapsed(Duration elapsed) {
            this.maxElapsed = requirePositive(elapsed, "maxElapsed");
            return this;
        }

        /** Sets how the exponential wait is randomized. */
        public Builder jitter(Jitter mode) {
            this.jitter = Objects.requireNonNull(mode, "jitter");
            return this;
        }

        /** Sets what waits between attempts; tests pass one that does not block. */
        public Builder sleeper(Sleeper waiter) {
            this.sleeper = Objects.requireNonNull(waiter, "sleeper");
            return this;
        }

        /**
         * Sets the jitter source, which must return uniform values in {@code [0, 1)}, such as a
         * seeded stream's {@code nextDouble}. Calls to it are serialized by the policy.
         */
        public Builder uniform(DoubleSupplier source) {
            this.uniform = Objects.requireNonNull(source, "uniform");
            return this;
        }

        /** Sets the monotonic clock, in nanoseconds, that measures elapsed time. */
        public Builder nanoClock(LongSupplier clock) {
            this.nanoClock = Objects.requireNonNull(clock, "nanoClock");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException if {@code baseDelay} is longer than {@code maxDelay}
         */
        public RetryPolicy build() {
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new IllegalArgumentException("baseDelay " + baseDelay
                        + " is longer than maxDelay " + maxDelay + "; lower baseDelay");
            }
            return new RetryPolicy(this);
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(
                        name + " is " + value + "; it must be positive");
            }
            return value;
        }
    }
}
