package dev.headroom.ledger;

/** Result of {@link UsageLedger#record}. */
public enum RecordOutcome {
    /** The transaction was new and is now stored. */
    RECORDED,
    /** A transaction with the same id was already stored; nothing changed. */
    DUPLICATE
}
