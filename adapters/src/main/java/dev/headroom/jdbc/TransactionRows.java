package dev.headroom.jdbc;

import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** SQL text of the ledger statements and the mapping between rows and {@link Transaction}s. */
final class TransactionRows {

    static final String INSERT_ACCOUNT = "INSERT INTO ledger_accounts"
            + " (email, balance_micros, row_count) VALUES (?, 0, 0)"
            + " ON CONFLICT (email) DO NOTHING";

    /**
     * {@link #INSERT_ACCOUNT} for PostgreSQL, which also applies the idle-in-transaction
     * timeout to the transaction. Records, admissions and batches begin their transaction with
     * this statement, so the timeout costs them no round trip of its own. The WHERE condition
     * always holds.
     */
    static final String INSERT_ACCOUNT_WITH_TIMEOUT = "INSERT INTO ledger_accounts"
            + " (email, balance_micros, row_count) SELECT ?, 0, 0"
            + " WHERE (" + IdleInTransactionTimeout.SET_FOR_TRANSACTION + ") IS NOT NULL"
            + " ON CONFLICT (email) DO NOTHING";

    static final String ADD_TO_BALANCE = "UPDATE ledger_accounts"
            + " SET balance_micros = balance_micros + ?, row_count = row_count + 1"
            + " WHERE email = ?";

    /** The conditional debit of an admission: it changes no row unless the balance covers it. */
    static final String DEBIT_IF_COVERED = "UPDATE ledger_accounts"
            + " SET balance_micros = balance_micros - ?, row_count = row_count + 1"
            + " WHERE email = ? AND balance_micros >= ?";

    static final String SELECT_ROW_COUNT =
            "SELECT row_count FROM ledger_accounts WHERE email = ?";

    static final String SELECT_BALANCE =
            "SELECT balance_micros FROM ledger_accounts WHERE email = ?";

    static final String COUNT_USERS = "SELECT COUNT(*) FROM ledger_accounts WHERE row_count > 0";

    static final String TRANSACTION_EXISTS =
            "SELECT 1 FROM ledger_transactions WHERE email = ? AND transaction_id = ?";

    static final String INSERT_TRANSACTION = "INSERT INTO ledger_transactions"
            + " (transaction_id, email, seq, epoch_second, nano, kind, model,"
            + " tokens_in, tokens_out, amount_micros, duration_millis, write_mark)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (email, transaction_id) DO NOTHING";

    /** Columns of {@link #INSERT_TRANSACTION}, which are its parameters for one row. */
    static final int INSERT_COLUMNS = 12;

    /** The write mark of the user's row with a given transaction id. */
    static final String SELECT_WRITE_MARK = "SELECT write_mark FROM ledger_transactions"
            + " WHERE email = ? AND transaction_id = ?";

    /** Rows of one user with {@code from <= time < to}, oldest first, ties in stored order. */
    static final String SELECT_RANGE = "SELECT transaction_id, email, epoch_second, nano, kind,"
            + " model, tokens_in, tokens_out, amount_micros, duration_millis"
            + " FROM ledger_transactions WHERE email = ?"
            + " AND (epoch_second > ? OR (epoch_second = ? AND nano >= ?))"
            + " AND (epoch_second < ? OR (epoch_second = ? AND nano < ?))"
            + " ORDER BY epoch_second, nano, seq";

    /** Bytes of fixed-width columns in one row: eight numbers of 8 bytes and one of 4. */
    private static final long FIXED_COLUMN_BYTES = 8 * 8 + 4;

    private TransactionRows() {
    }

    /** Returns the statement that creates an account row, with the timeout on PostgreSQL. */
    static String insertAccount(SqlDialect dialect) {
        return dialect == SqlDialect.POSTGRESQL ? INSERT_ACCOUNT_WITH_TIMEOUT : INSERT_ACCOUNT;
    }

    /**
     * Binds one row's parameters of {@link #INSERT_TRANSACTION}, with {@code mark} as write
     * mark, after the first {@code offset} parameters: 0 for a one-row insert, and a multiple
     * of {@link #INSERT_COLUMNS} in a multi-row insert.
     */
    static void bindInsert(PreparedStatement insert, int offset, Transaction row, long seq,
            String mark) throws SQLException {
        insert.setString(offset + 1, row.transactionId());
        insert.setString(offset + 2, row.userEmail());
        insert.setLong(offset + 3, seq);
        insert.setLong(offset + 4, row.timestamp().getEpochSecond());
        insert.setInt(offset + 5, row.timestamp().getNano());
        insert.setString(offset + 6, row.kind().name());
        insert.setString(offset + 7, row.model());
        insert.setLong(offset + 8, row.tokensIn());
        insert.setLong(offset + 9, row.tokensOut());
        insert.setLong(offset + 10, row.amountMicros());
        insert.setLong(offset + 11, row.durationMillis());
        insert.setString(offset + 12, mark);
    }

    /** Binds the parameters of {@link #SELECT_RANGE}. */
    static void bindRange(PreparedStatement select, String email, Instant from, Instant to)
            throws SQLException {
        select.setString(1, email);
        select.setLong(2, from.getEpochSecond());
        select.setLong(3, from.getEpochSecond());
        select.setInt(4, from.getNano());
        select.setLong(5, to.getEpochSecond());
        select.setLong(6, to.getEpochSecond());
        select.setInt(7, to.getNano());
    }

    /** Reads the current row of a {@link #SELECT_RANGE} result. */
    static Transaction read(ResultSet rows) throws SQLException {
        return new Transaction(
                rows.getString("transaction_id"),
                rows.getString("email"),
                Instant.ofEpochSecond(rows.getLong("epoch_second"), rows.getInt("nano")),
                TransactionKind.valueOf(rows.getString("kind")),
                rows.getString("model"),
                rows.getLong("tokens_in"),
                rows.getLong("tokens_out"),
                rows.getLong("amount_micros"),
                rows.getLong("duration_millis"));
    }

    /**
     * Estimates the column data of one row in bytes: UTF-8 text plus fixed-width numbers. It is
     * an estimate of payload, not of the bytes the JDBC driver sends on the wire.
     */
    static long estimatedBytes(Transaction row) {
        return utf8Length(row.transactionId()) + utf8Length(row.userEmail())
                + utf8Length(row.kind().name()) + utf8Length(row.model()) + FIXED_COLUMN_BYTES;
    }

    static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
