package dev.headroom.ledger;

/** Base class of the errors a {@link UsageLedger} throws; each subclass names one cause. */
public abstract class LedgerException extends RuntimeException {

    protected LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
