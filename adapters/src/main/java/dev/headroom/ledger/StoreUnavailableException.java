package dev.headroom.ledger;

/** Thrown when the store cannot be reached or keeps failing with server errors. */
public final class StoreUnavailableException extends LedgerException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
