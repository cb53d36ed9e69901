package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.AdmissionGuarantee;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuerySumContractTest extends DynaliteLedgerContract {

    QuerySumContractTest() {
        super(BalanceDesign.QUERY_SUM, "sum");
    }

    @Override
    protected Duration concurrencyTimeout() {
        return Duration.ofMinutes(5);
    }

    /**
     * Every racing admission can read the balance before any of them writes, so all 50 may be
     * admitted; this design promises no tighter bound.
     */
    @Override
    protected int bestEffortMaxAdmitted() {
        return 50;
    }

    @Test
    void admissionGuarantee_isBestEffort() {
        assertEquals(AdmissionGuarantee.BEST_EFFORT, ledger.admissionGuarantee());
    }
}
