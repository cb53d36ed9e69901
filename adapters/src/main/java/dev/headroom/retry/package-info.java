/**
 * Retries of throttled and transient store failures with exponential backoff and jitter,
 * bounded in attempts and in total elapsed time.
 *
 * <p>A {@link dev.headroom.retry.RetryPolicy} contains the timing settings and is shared by every
 * adapter a caller builds. Each adapter pairs it with its own
 * {@link dev.headroom.retry.FailureClassifier} and metrics in a
 * {@link dev.headroom.retry.Retrier}. When the retries run out, the retrier throws
 * {@link dev.headroom.ledger.ThrottledException} or
 * {@link dev.headroom.ledger.StoreUnavailableException}. Sleeping, the elapsed-time clock and the
 * jitter source are injected, so tests and simulations never wait and repeat exactly.
 */
package dev.headroom.retry;
