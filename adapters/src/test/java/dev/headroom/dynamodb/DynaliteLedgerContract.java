package dev.headroom.dynamodb;

import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger contract for one DynamoDB balance design. Each test gets a fresh table on the shared
 * dynalite server and drops it afterwards.
 */
abstract class DynaliteLedgerContract extends UsageLedgerContract {

    @RegisterExtension
    static final DynaliteExtension DYNALITE = new DynaliteExtension();

    private final BalanceDesign design;
    private final String tablePrefix;
    private String table;

    DynaliteLedgerContract(BalanceDesign design, String tablePrefix) {
        this.design = design;
        this.tablePrefix = tablePrefix;
    }

    @Override
    protected UsageLedger newLedger() {
        table = DynaliteTables.freshTableName(tablePrefix);
        return DynaliteTables.ledger(DYNALITE.endpoint(), design, table).build();
    }

    @AfterEach
    void dropTable() {
        DynaliteTables.dropTable(DYNALITE.endpoint(), table);
    }
}
