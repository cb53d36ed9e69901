package dev.headroom.dynamodb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension for tests on the shared dynalite server that give each test a fresh table and
 * drop it after the test, so dynalite frees its memory. Register it as a static field with
 * {@code @RegisterExtension}. It drops the tables after the test class's own
 * {@code @AfterEach} methods have run, so those may still close ledgers on them.
 */
final class DynaliteTable implements BeforeAllCallback, AfterEachCallback {

    private final DynaliteExtension dynalite = new DynaliteExtension();
    /** The tables named during the running test, which afterEach drops. */
    private final List<String> testTables = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        dynalite.beforeAll(context);
    }

    /** Returns the shared server's endpoint; valid after the extension's beforeAll. */
    URI endpoint() {
        return dynalite.endpoint();
    }

    /**
     * Returns a table name that no earlier test of this JVM used, and drops that table after the
     * running test.
     */
    String newTable(String prefix) {
        String table = DynaliteTables.freshTableName(prefix);
        testTables.add(table);
        return table;
    }

    /** Returns the table that the running test named last with {@link #newTable}. */
    String table() {
        if (testTables.isEmpty()) {
            throw new IllegalStateException("no table named in the running test; call newTable or"
                    + " ledger first");
        }
        return testTables.get(testTables.size() - 1);
    }

    /** Returns a ledger builder, with dummy credentials, on a new table of the shared server. */
    DynamoDbLedger.Builder ledger(BalanceDesign design, String prefix) {
        return DynaliteTables.ledger(endpoint(), design, newTable(prefix));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (String table : testTables) {
                DynaliteTables.dropTable(endpoint(), table);
            }
        } finally {
            testTables.clear();
        }
    }
}
