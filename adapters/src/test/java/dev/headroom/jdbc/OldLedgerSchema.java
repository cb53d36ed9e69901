package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tables as ledgers created them before rows had a write mark, and the check that a ledger
 * opened on them adds the column and keeps the older rows.
 */
final class OldLedgerSchema {

    static final String ANN = "ann@example.com";
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** The row stored before the upgrade. */
    static final Transaction OLD_CREDIT = Transaction.credit("c-1", ANN, T0, 700);

    private OldLedgerSchema() {
    }

    /** Creates the two older tables with {@link #OLD_CREDIT} as Ann's only row. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ledger_accounts (email TEXT PRIMARY KEY,"
                    + " balance_micros BIGINT NOT NULL, row_count BIGINT NOT NULL)");
            statement.execute("CREATE TABLE ledger_transactions ("
                    + "transaction_id TEXT NOT NULL, email TEXT NOT NULL, seq BIGINT NOT NULL,"
                    + " epoch_second BIGINT NOT NULL, nano INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " model TEXT NOT NULL, tokens_in BIGINT NOT NULL,"
                    + " tokens_out BIGINT NOT NULL, amount_micros BIGINT NOT NULL,"
                    + " duration_millis BIGINT NOT NULL, PRIMARY KEY (email, transaction_id))");
            statement.execute("INSERT INTO ledger_accounts VALUES ('" + ANN + "', 700, 1)");
            statement.execute("INSERT INTO ledger_transactions VALUES ('c-1', '" + ANN + "',"
                    + " 1, " + T0.getEpochSecond() + ", 0, 'CREDIT', '', 0, 0, 700, 0)");
        }
    }

    /**
     * Opens a ledger on the older tables twice, so that the second start finds the column
     * added, and checks the rows, the balance and the marks that {@code connection} reads.
     */
    static void checkUpgrade(Supplier<JdbcLedger> open, Connection connection)
            throws SQLException {
        Transaction credit = Transaction.credit("c-2", ANN, T0, 300);
        try (JdbcLedger upgraded = open.get()) {
            assertEquals(List.of(OLD_CREDIT), upgraded.transactions(ANN, Instant.MIN,
                    Instant.MAX));
            assertEquals(RecordOutcome.DUPLICATE, upgraded.record(OLD_CREDIT),
                    "a row without a mark");
            assertEquals(RecordOutcome.RECORDED, upgraded.record(credit));
        }
        try (JdbcLedger reopened = open.get()) {
            assertEquals(1_000, reopened.balanceMicros(ANN));
            assertEquals(List.of(OLD_CREDIT, credit),
                    reopened.transactions(ANN, Instant.MIN, Instant.MAX));
        }
        List<String> marks = writeMarks(connection);
        assertNull(marks.get(0), "the row stored before the column existed");
        assertNotNull(marks.get(1), "the row stored after the upgrade");
    }

    /** Returns the write marks of Ann's rows in stored order, null for a row without one. */
    private static List<String> writeMarks(Connection connection) throws SQLException {
        List<String> marks = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT write_mark FROM"
                        + " ledger_transactions WHERE email = '" + ANN + "' ORDER BY seq")) {
            while (rows.next()) {
                marks.add(rows.getString(1));
            }
        }
        return marks;
    }
}
