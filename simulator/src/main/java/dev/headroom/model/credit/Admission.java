package dev.headroom.model.credit;

/** The decision taken at the start of one chat request, and the ledger call it took. */
public enum Admission {
    /** Admitted on a positive cached balance. */
    ADMITTED_CACHED(true, BackendCall.NONE),
    /** Admitted on a positive balance read from the ledger. */
    ADMITTED_READ(true, BackendCall.BALANCE_READ),
    /** Admitted after a conditional debit of the full cost. */
    ADMITTED_DEBIT(true, BackendCall.CONDITIONAL_DEBIT),
    /** Rejected on a cached balance of zero or less. */
    REJECTED_CACHED(false, BackendCall.NONE),
    /** Rejected on a balance of zero or less read from the ledger. */
    REJECTED_READ(false, BackendCall.BALANCE_READ),
    /** Rejected because the balance did not cover the cost. */
    REJECTED_DEBIT(false, BackendCall.CONDITIONAL_DEBIT);

    private final boolean admitted;
    private final BackendCall call;

    Admission(boolean admitted, BackendCall call) {
        this.admitted = admitted;
        this.call = call;
    }

    /** Returns whether the request may run. */
    public boolean admitted() {
        return admitted;
    }

    /** Returns the ledger call this decision made. */
    public BackendCall call() {
        return call;
    }
}
