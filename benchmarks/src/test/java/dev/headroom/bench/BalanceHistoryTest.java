package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.ledger.Transaction;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceHistoryTest {

    private static List<Transaction> targetRows(BalanceHistory history) {
        return history.rows().stream()
                .filter(row -> row.userEmail().equals(history.targetEmail())).toList();
    }

    @Test
    void generate_isReproducible() {
        BalanceHistory first = BalanceHistory.generate(1_000, 7);
        BalanceHistory second = BalanceHistory.generate(1_000, 7);
        BalanceHistory other = BalanceHistory.generate(1_000, 8);

        assertEquals(first, second);
        assertNotEquals(first.rows(), other.rows());
    }

    @Test
    void generate_hasTargetAndOtherRows() {
        BalanceHistory history = BalanceHistory.generate(1_000, 7);
        List<Transaction> target = targetRows(history);

        assertEquals(1_000, target.size());
        assertEquals(1_000 + BalanceHistory.OTHER_USERS * BalanceHistory.ROWS_PER_OTHER_USER,
                history.rows().size());
        assertEquals(target.stream().mapToLong(Transaction::balanceDeltaMicros).sum(),
                history.targetBalanceMicros());
        assertEquals(history.rows().size(), history.rows().stream()
                .map(Transaction::transactionId).collect(HashSet::new, HashSet::add,
                        HashSet::addAll).size());
    }

    @Test
    void generate_sortsRowsByTime() {
        List<Transaction> rows = BalanceHistory.generate(100, 7).rows();

        for (int i = 1; i < rows.size(); i++) {
            assertFalse(rows.get(i).timestamp().isBefore(rows.get(i - 1).timestamp()),
                    "row " + i + " is older than the row before it");
        }
    }

    @Test
    void cutoff_leavesRecentRowsAfter() {
        for (int rows : new int[] {10, 1_000, 100_000}) {
            BalanceHistory history = BalanceHistory.generate(rows, 7);
            long recent = targetRows(history).stream()
                    .filter(row -> !row.timestamp().isBefore(history.cutoff())).count();

            assertEquals(Math.min(rows, BalanceHistory.RECENT_ROWS), recent, "rows " + rows);
        }
    }

    @Test
    void generate_rejectsNoRows() {
        assertThrows(IllegalArgumentException.class, () -> BalanceHistory.generate(0, 7));
    }
}
