package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Loads a history into the in-memory and SQLite stores and checks every design's read. The
 * PostgreSQL store runs the same JDBC ledger, which the adapter tests cover on a real server.
 */
class BalanceStoreTest {

    @ParameterizedTest
    @EnumSource(value = BalanceStore.class, names = {"MEMORY", "SQLITE"})
    void designs_readHistoryBalance(BalanceStore store) throws Exception {
        BalanceHistory history = BalanceHistory.generate(1_500, 11);

        try (BalanceReads reads = store.load(history)) {
            for (BalanceDesign design : BalanceDesign.values()) {
                assertEquals(history.targetBalanceMicros(),
                        design.reader(reads).applyAsLong(history.targetEmail()),
                        design + " on " + store);
            }
        }
    }
}
