package dev.headroom.dynamodb;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;

/** One {@link BalanceDesign}'s way of writing transactions and reading balances. */
interface BalanceStrategy {

    RecordOutcome record(Transaction transaction);

    long balanceMicros(String userEmail);

    AdmissionOutcome admit(Transaction usage);

    /** Completes any write of the user that a failed process left half done. */
    boolean repair(String userEmail);

    AdmissionGuarantee guarantee();
}
