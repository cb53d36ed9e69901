package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.AdmissionGuarantee;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunningBalanceContractTest extends DynaliteLedgerContract {

    RunningBalanceContractTest() {
        super(BalanceDesign.RUNNING_BALANCE, "running");
    }

    @Override
    protected Duration concurrencyTimeout() {
        return Duration.ofMinutes(10);
    }

    @Test
    void admissionGuarantee_isAtomic() {
        assertEquals(AdmissionGuarantee.ATOMIC, ledger.admissionGuarantee());
    }
}
