package dev.headroom.ledger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open or closed state of a ledger, so that every adapter rejects calls after
 * {@link UsageLedger#close()} in the same way. Thread-safe.
 */
public final class ClosedGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ClosedGuard.class);

    private final String ledgerName;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Number of calls between {@link #beginCall} and {@link #endCall}, guarded by this. */
    private int callsInFlight;

    /** Creates the state of an open ledger, named in messages as {@code ledgerName}. */
    public ClosedGuard(String ledgerName) {
        this.ledgerName = ledgerName;
    }

    /**
     * Marks the ledger closed.
     *
     * @return whether it was open, so that a second {@code close()} releases nothing twice
     */
    public boolean close() {
        return !closed.getAndSet(true);
    }

    /** Throws {@link IllegalStateException} if the ledger is closed. */
    public void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the " + ledgerName + " is closed; create a new"
                    + " ledger to make more calls");
        }
    }

    /**
     * Marks the start of a call that {@link #awaitCalls} waits for. Pair it with
     * {@link #endCall} in a {@code finally} block.
     *
     * @throws IllegalStateException if the ledger is closed
     */
    public synchronized void beginCall() {
        requireOpen();
        callsInFlight++;
    }

    /** Marks the end of a call that {@link #beginCall} started. */
    public synchronized void endCall() {
        callsInFlight--;
        if (callsInFlight == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no call started by {@link #beginCall} is in flight, or until {@code timeout}
     * has passed. Call it after {@link #close()}, which stops new calls from starting.
     *
     * @return the number of calls still in flight, zero unless the timeout passed
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public synchronized int awaitCalls(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (callsInFlight > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return callsInFlight;
    }

    /**
     * Waits up to {@code timeout} for the calls in flight, as {@link #awaitCalls} does, and logs
     * a WARN naming the ledger and {@code store} when calls are still running after it, or when
     * the wait is interrupted. {@code risk} states what may happen to those calls.
     */
    public void drainCalls(Duration timeout, String store, String risk) {
        try {
            int unfinished = awaitCalls(timeout);
            if (unfinished > 0) {
                LOG.warn("Closing the {} on {} with {} calls still in flight after {} s; {}",
                        ledgerName, store, unfinished, timeout.toSeconds(), risk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for the calls in flight on the {} on {}; closing"
                    + " it now", ledgerName, store);
        }
    }
}
