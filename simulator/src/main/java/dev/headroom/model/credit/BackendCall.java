package dev.headroom.model.credit;

/** The ledger call that an admission decision makes, which the caller must send to a model. */
public enum BackendCall {
    /** No call: the decision used the cached balance. */
    NONE,
    /** One balance read. */
    BALANCE_READ,
    /** One conditional write that debits the cost only if the balance covers it. */
    CONDITIONAL_DEBIT
}
