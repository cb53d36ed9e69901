package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuerySumContractTest extends UsageLedgerContract {

    @RegisterExtension
    static final DynaliteExtension DYNALITE = new DynaliteExtension();

    private String table;

    @Override
    protected UsageLedger newLedger() {
        table = DynaliteTables.freshTableName("sum");
        return DynaliteTables.ledger(DYNALITE.endpoint(), BalanceDesign.QUERY_SUM, table)
                .build();
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

    @AfterEach
    void dropTable() {
        DynaliteTables.dropTable(DYNALITE.endpoint(), table);
    }

    @Test
    void admissionGuarantee_isBestEffort() {
        assertEquals(AdmissionGuarantee.BEST_EFFORT, ledger.admissionGuarantee());
    }
}
