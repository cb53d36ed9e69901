package dev.headroom.ledger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open or closed state of a ledger, so that every adapter rejects calls after
 * {@link UsageLedger#close()} in the same way. Thread-safe.
 */
public final class ClosedGuard {

    private final String ledgerName;
    private final AtomicBoolean closed = new AtomicBoolean();

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
}
