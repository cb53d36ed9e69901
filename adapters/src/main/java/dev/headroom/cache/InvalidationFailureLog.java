package dev.headroom.cache;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Rate-limited log of failed cache invalidations. During a Redis outage every write fails to
 * invalidate, so logging each one would flood the log. This logs the first failure of an outage
 * with its user and transaction id. After that it logs one line per {@link #REPORT_EVERY}
 * failures, or at the first failure after {@link #REPORT_INTERVAL} since the last line. Each
 * such line carries the number of failures it covers and the ids of the first of them. The
 * first successful invalidation after a failure logs that Redis works again, with the count of
 * failures not yet reported. Thread-safe.
 */
final class InvalidationFailureLog {

    static final int REPORT_EVERY = 100;
    static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final LongSupplier nanoClock;
    private final long ttlMillis;

    /**
     * Number of failures since the last successful invalidation. {@link #succeeded} reads it
     * without the lock, so writes take no lock while Redis works.
     */
    private volatile long outageFailures;
    private long unreportedFailures;
    private String firstUnreportedUser;
    private String firstUnreportedTransaction;
    private long lastReportNanos;

    InvalidationFailureLog(Logger log, LongSupplier nanoClock, Duration ttl) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.ttlMillis = ttl.toMillis();
    }

    /** Records a failed invalidation of {@code userEmail}'s balance after a transaction. */
    synchronized void failed(String userEmail, String transactionId) {
        long now = nanoClock.getAsLong();
        outageFailures++;
        if (outageFailures == 1) {
            lastReportNanos = now;
            log.error("Invalidation of the cached balance of {} after transaction {} failed, so"
                    + " the balance may be stale for up to {} ms. Later failures are logged"
                    + " once per {} failures or {} s until an invalidation succeeds",
                    userEmail, transactionId, ttlMillis, REPORT_EVERY,
                    REPORT_INTERVAL.toSeconds());
            return;
        }
        unreportedFailures++;
        if (unreportedFailures == 1) {
            firstUnreportedUser = userEmail;
            firstUnreportedTransaction = transactionId;
        }
        if (unreportedFailures >= REPORT_EVERY
                || now - lastReportNanos >= REPORT_INTERVAL.toNanos()) {
            log.error("{} more invalidations of cached balances failed, the first for {} after"
                    + " transaction {} ({} failures since the last success). Those balances may"
                    + " be stale for up to {} ms", unreportedFailures, firstUnreportedUser,
                    firstUnreportedTransaction, outageFailures, ttlMillis);
            unreportedFailures = 0;
            firstUnreportedUser = null;
            firstUnreportedTransaction = null;
            lastReportNanos = now;
        }
    }

    /** Records a successful invalidation, and logs the end of an outage after failures. */
    void succeeded() {
        if (outageFailures == 0) {
            return;
        }
        synchronized (this) {
            if (outageFailures == 0) {
                return;
            }
            if (unreportedFailures == 0) {
                log.info("Invalidations of cached balances work again after {} failures",
                        outageFailures);
            } else {
                log.info("Invalidations of cached balances work again after {} failures, {} of"
                        + " them not yet logged, the first for {} after transaction {}",
                        outageFailures, unreportedFailures, firstUnreportedUser,
                        firstUnreportedTransaction);
            }
            outageFailures = 0;
            unreportedFailures = 0;
            firstUnreportedUser = null;
            firstUnreportedTransaction = null;
        }
    }

    /** Returns the number of failed invalidations since the last successful one. */
    long outageFailures() {
        return outageFailures;
    }
}
