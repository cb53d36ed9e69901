package dev.headroom.ledger;

/** Kind of a ledger transaction, which fixes the sign of its effect on the balance. */
public enum TransactionKind {
    /** A chat request's cost: the amount is subtracted from the balance. */
    USAGE,
    /** A credit purchase: the amount is added to the balance. */
    CREDIT
}
