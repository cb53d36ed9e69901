package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunningBalanceContractTest extends UsageLedgerContract {

    @RegisterExtension
    static final DynaliteExtension DYNALITE = new DynaliteExtension();

    private String table;

    @Override
    protected UsageLedger newLedger() {
        table = DynaliteTables.freshTableName("running");
        return DynaliteTables.ledger(DYNALITE.endpoint(), BalanceDesign.RUNNING_BALANCE, table)
                .build();
    }

    @Override
    protected Duration concurrencyTimeout() {
        return Duration.ofMinutes(10);
    }

    @AfterEach
    void dropTable() {
        DynaliteTables.dropTable(DYNALITE.endpoint(), table);
    }

    @Test
    void admissionGuarantee_isAtomic() {
        assertEquals(AdmissionGuarantee.ATOMIC, ledger.admissionGuarantee());
    }
}
