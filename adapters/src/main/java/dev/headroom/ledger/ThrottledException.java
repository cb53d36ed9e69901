package dev.headroom.ledger;

/** Thrown when the store kept throttling a call after every retry the adapter allows. */
public final class ThrottledException extends LedgerException {

    public ThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
