package dev.headroom.ledger;

/** Thrown when a caller passes an invalid value; the same call fails again if retried. */
public final class InvalidInputException extends LedgerException {

    public InvalidInputException(String message) {
        super(message, null);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
