package dev.headroom.ledger;

/** Result of {@link UsageLedger#admit}. */
public enum AdmissionOutcome {
    /** The balance covered the amount, and the usage row is now stored. */
    ADMITTED,
    /** The balance did not cover the amount; nothing was stored. */
    INSUFFICIENT_BALANCE,
    /** A transaction with the same id was already stored; nothing changed. */
    DUPLICATE
}
