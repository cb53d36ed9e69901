package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tests the balance reads beside the running balance (sum of all rows, snapshot plus recent
 * rows) and the batched {@link JdbcLedger#recordAll}, on SQLite and on PostgreSQL.
 */
class BalanceReadsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANA = "ana@example.com";
    private static final String BO = "bo@example.com";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @TempDir
    Path directory;

    private final List<JdbcLedger> opened = new ArrayList<>();

    @AfterEach
    void closeLedgers() {
        opened.forEach(JdbcLedger::close);
    }

    private JdbcLedger newLedger(SqlDialect dialect) throws SQLException {
        JdbcPoolSettings pool = new JdbcPoolSettings(2, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        String url;
        if (dialect == SqlDialect.SQLITE) {
            url = "jdbc:sqlite:" + directory.resolve("ledger.db");
        } else {
            String schema = "balance_" + SCHEMAS.incrementAndGet();
            try (Connection admin = DriverManager.getConnection(PostgresServers.url(null));
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            url = PostgresServers.url(schema);
        }
        JdbcLedger ledger = JdbcLedger.open(url, null, null, pool, RetryPolicy.noRetries());
        opened.add(ledger);
        return ledger;
    }

    private static Transaction usage(String id, String email, Instant at, long micros) {
        return new Transaction(id, email, at, TransactionKind.USAGE, "gpt-4o-mini", 1200, 300,
                micros, 850);
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void sumOfRows_matchesRunningBalance(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);
        ledger.record(Transaction.credit("c1", ANA, T0, 5_000_000));
        ledger.record(usage("u1", ANA, T0.plusSeconds(1), 1_250));
        ledger.record(usage("u1", ANA, T0.plusSeconds(1), 1_250));
        ledger.admit(usage("u2", ANA, T0.plusSeconds(2), 40_000));
        ledger.record(Transaction.credit("c2", BO, T0, 7_000_000));

        assertEquals(5_000_000 - 1_250 - 40_000, ledger.sumOfRowsMicros(ANA));
        assertEquals(ledger.balanceMicros(ANA), ledger.sumOfRowsMicros(ANA));
        assertEquals(7_000_000, ledger.sumOfRowsMicros(BO));
        assertEquals(0, ledger.sumOfRowsMicros("nobody@example.com"));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void snapshot_coversRowsBeforeCutoff(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);
        ledger.record(Transaction.credit("c1", ANA, T0, 1_000_000));
        ledger.record(usage("u1", ANA, T0.plusNanos(999_999_999), 100));
        Instant cutoff = T0.plusSeconds(1);
        ledger.record(usage("u2", ANA, cutoff, 20));
        ledger.record(usage("u3", ANA, cutoff.plusNanos(1), 3));
        ledger.record(Transaction.credit("c2", BO, T0, 9_000_000));

        BalanceSnapshot snapshot = ledger.snapshotBalance(ANA, cutoff);

        assertEquals(new BalanceSnapshot(ANA, cutoff, 1_000_000 - 100), snapshot);
        assertEquals(1_000_000 - 123, ledger.balanceFromSnapshotMicros(ANA));
        ledger.record(usage("u4", ANA, cutoff.plusSeconds(60), 4_000));
        assertEquals(ledger.balanceMicros(ANA), ledger.balanceFromSnapshotMicros(ANA));
        assertEquals(9_000_000, ledger.balanceFromSnapshotMicros(BO));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void snapshot_replacesEarlierOne(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);
        ledger.record(Transaction.credit("c1", ANA, T0, 1_000_000));
        ledger.record(usage("u1", ANA, T0.plusSeconds(10), 700));
        ledger.snapshotBalance(ANA, T0.plusSeconds(5));

        BalanceSnapshot later = ledger.snapshotBalance(ANA, T0.plusSeconds(20));

        assertEquals(1_000_000 - 700, later.balanceMicros());
        assertEquals(1_000_000 - 700, ledger.balanceFromSnapshotMicros(ANA));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void snapshot_rejectsMissingCutoff(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);

        assertThrows(InvalidInputException.class, () -> ledger.snapshotBalance(ANA, null));
        assertThrows(InvalidInputException.class, () -> ledger.snapshotBalance(" ", T0));
        assertThrows(InvalidInputException.class, () -> ledger.balanceFromSnapshotMicros(null));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void recordAll_storesLikeRecord(SqlDialect dialect) throws Exception {
        JdbcLedger batched = newLedger(dialect);
        // Two JDBC batches of 100-row statements, then 37 single-row ones.
        List<Transaction> rows = mixedRows(2_537);

        int stored = batched.recordAll(rows);

        assertEquals(rows.size(), stored);
        assertEquals(2, batched.countUsers());
        for (String email : List.of(ANA, BO)) {
            List<Transaction> expected = rows.stream()
                    .filter(row -> row.userEmail().equals(email)).toList();
            long sum = expected.stream().mapToLong(Transaction::balanceDeltaMicros).sum();
            assertEquals(sum, batched.balanceMicros(email));
            assertEquals(sum, batched.sumOfRowsMicros(email));
            assertEquals(expected, batched.transactions(email, Instant.MIN, Instant.MAX));
        }
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void recordAll_skipsStoredAndRepeatedIds(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);
        Transaction credit = Transaction.credit("c1", ANA, T0, 1_000_000);
        ledger.record(credit);
        Transaction first = usage("u1", ANA, T0.plusSeconds(1), 300);
        Transaction second = usage("u2", ANA, T0.plusSeconds(2), 40);

        int stored = ledger.recordAll(List.of(credit, first, second, first));

        assertEquals(2, stored);
        assertEquals(1_000_000 - 340, ledger.balanceMicros(ANA));
        assertEquals(List.of(credit, first, second),
                ledger.transactions(ANA, Instant.MIN, Instant.MAX));
        ledger.record(usage("u3", ANA, T0.plusSeconds(2), 5));
        assertEquals("u3", ledger.transactions(ANA, Instant.MIN, Instant.MAX).get(3)
                .transactionId());
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void recordAll_skipsStoredIdInLargeBatch(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);
        List<Transaction> rows = mixedRows(450);
        ledger.record(rows.get(120));

        int stored = ledger.recordAll(rows);

        assertEquals(449, stored);
        long sum = rows.stream().filter(row -> row.userEmail().equals(ANA))
                .mapToLong(Transaction::balanceDeltaMicros).sum();
        assertEquals(sum, ledger.balanceMicros(ANA));
        assertEquals(sum, ledger.sumOfRowsMicros(ANA));
        assertEquals(rows.size(), ledger.transactions(ANA, Instant.MIN, Instant.MAX).size()
                + ledger.transactions(BO, Instant.MIN, Instant.MAX).size());
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void recordAll_rejectsMissingInput(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);

        assertEquals(0, ledger.recordAll(List.of()));
        assertThrows(InvalidInputException.class, () -> ledger.recordAll(null));
        assertThrows(InvalidInputException.class,
                () -> ledger.recordAll(Arrays.asList(usage("u1", ANA, T0, 1), null)));
        assertEquals(0, ledger.countUsers());
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void updateStatistics_keepsReadsWorking(SqlDialect dialect) throws Exception {
        JdbcLedger ledger = newLedger(dialect);
        ledger.recordAll(mixedRows(300));

        ledger.updateStatistics();

        assertEquals(ledger.balanceMicros(ANA), ledger.sumOfRowsMicros(ANA));
        assertEquals(ledger.balanceMicros(BO), ledger.balanceFromSnapshotMicros(BO));
    }

    /**
     * Returns credits and usage of two users, with runs of equal timestamps so that the stored
     * order matters.
     */
    private static List<Transaction> mixedRows(int count) {
        List<Transaction> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = i % 3 == 0 ? BO : ANA;
            Instant at = T0.plusSeconds(i / 4);
            rows.add(i % 50 == 0
                    ? Transaction.credit("t" + i, email, at, 2_000_000)
                    : usage("t" + i, email, at, 100 + i % 97));
        }
        return rows;
    }
}
