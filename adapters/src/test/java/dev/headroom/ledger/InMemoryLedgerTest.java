package dev.headroom.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InMemoryLedgerTest extends UsageLedgerContract {

    @Override
    protected UsageLedger newLedger() {
        return new InMemoryLedger();
    }

    @Test
    void admissionGuarantee_isAtomic() {
        assertEquals(AdmissionGuarantee.ATOMIC, ledger.admissionGuarantee());
    }
}
