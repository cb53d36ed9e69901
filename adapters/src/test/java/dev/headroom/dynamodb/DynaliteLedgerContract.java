package dev.headroom.dynamodb;

import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger contract for one DynamoDB balance design. Each test gets a fresh table on the shared
 * dynalite server and drops it afterwards.
 */
abstract class DynaliteLedgerContract extends UsageLedgerContract {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private final BalanceDesign design;
    private final String tablePrefix;

    DynaliteLedgerContract(BalanceDesign design, String tablePrefix) {
        this.design = design;
        this.tablePrefix = tablePrefix;
    }

    @Override
    protected UsageLedger newLedger() {
        return DYNALITE.ledger(design, tablePrefix).build();
    }
}
