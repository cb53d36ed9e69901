package dev.headroom.jdbc;

import static dev.headroom.jdbc.TransactionRows.INSERT_COLUMNS;
import static dev.headroom.jdbc.TransactionRows.INSERT_TRANSACTION;
import static dev.headroom.jdbc.TransactionRows.SELECT_ROW_COUNT;

import dev.headroom.ledger.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inserts many transactions with JDBC batches inside the caller's database transaction, with
 * the same rows, balances and numbering that recording them one at a time in list order gives.
 */
final class BatchInsert {

    /**
     * Rows per multi-row {@code INSERT}: 1,200 parameters, far below the host parameter limit
     * of SQLite 3.32 and newer (32,766, https://www.sqlite.org/limits.html#max_variable_number)
     * and PostgreSQL's (65,535, an unsigned 16-bit count in the Bind message,
     * https://www.postgresql.org/docs/current/protocol-message-formats.html), both seen 2026-12.
     */
    private static final int ROWS_PER_STATEMENT = 100;

    /** Statements per JDBC batch, which bounds the parameters that the driver buffers. */
    private static final int STATEMENTS_PER_BATCH = 20;

    private static final String ADD_ROWS_TO_BALANCE = "UPDATE ledger_accounts"
            + " SET balance_micros = balance_micros + ?, row_count = row_count + ?"
            + " WHERE email = ?";

    /** Balance change, row count and next row number of one user's rows in the batch. */
    private static final class AccountChange {
        private long deltaMicros;
        private long rows;
        private long nextSeq;
    }

    private BatchInsert() {
    }

    /**
     * Updates the accounts, then inserts every row, each marked with {@code mark}. Returns
     * false, with the work not committed, when a row's id is already stored or repeats in the
     * list; the caller then rolls back. On PostgreSQL the first statement also applies the
     * idle-in-transaction timeout to the transaction.
     */
    static boolean insertAll(Connection connection, SqlDialect dialect, List<Transaction> rows,
            String mark) throws SQLException {
        Map<String, AccountChange> changes = new TreeMap<>();
        for (Transaction row : rows) {
            AccountChange change = changes.computeIfAbsent(row.userEmail(),
                    email -> new AccountChange());
            change.deltaMicros += row.balanceDeltaMicros();
            change.rows++;
        }
        updateAccounts(connection, dialect, changes);
        return insertRows(connection, rows, changes, mark);
    }

    /**
     * Creates and updates the account rows in email order, so that two concurrent batches lock
     * them in the same order, then reads where each user's new row numbers start.
     */
    private static void updateAccounts(Connection connection, SqlDialect dialect,
            Map<String, AccountChange> changes) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(TransactionRows.insertAccount(dialect));
                PreparedStatement update = connection.prepareStatement(ADD_ROWS_TO_BALANCE)) {
            for (Map.Entry<String, AccountChange> entry : changes.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.addBatch();
                update.setLong(1, entry.getValue().deltaMicros);
                update.setLong(2, entry.getValue().rows);
                update.setString(3, entry.getKey());
                update.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_ROW_COUNT)) {
            for (Map.Entry<String, AccountChange> entry : changes.entrySet()) {
                select.setString(1, entry.getKey());
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    AccountChange change = entry.getValue();
                    change.nextSeq = result.getLong(1) - change.rows + 1;
                }
            }
        }
    }

    private static boolean insertRows(Connection connection, List<Transaction> rows,
            Map<String, AccountChange> changes, String mark) throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0 && !insertGroups(connection, rows.subList(0, full), ROWS_PER_STATEMENT,
                changes, mark)) {
            return false;
        }
        return full == rows.size()
                || insertGroups(connection, rows.subList(full, rows.size()), 1, changes, mark);
    }

    /**
     * Inserts the rows with statements of {@code group} rows each, sent in JDBC batches. The
     * size of {@code rows} is a multiple of {@code group}.
     */
    private static boolean insertGroups(Connection connection, List<Transaction> rows, int group,
            Map<String, AccountChange> changes, String mark) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(multiRowInsert(group))) {
            int pending = 0;
            for (int start = 0; start < rows.size(); start += group) {
                for (int i = 0; i < group; i++) {
                    Transaction row = rows.get(start + i);
                    TransactionRows.bindInsert(insert, i * INSERT_COLUMNS, row,
                            changes.get(row.userEmail()).nextSeq++, mark);
                }
                insert.addBatch();
                if (++pending == STATEMENTS_PER_BATCH) {
                    if (!allInserted(insert.executeBatch(), group)) {
                        return false;
                    }
                    pending = 0;
                }
            }
            return pending == 0 || allInserted(insert.executeBatch(), group);
        }
    }

    /** Returns {@code INSERT_TRANSACTION} with {@code group} rows of parameters. */
    static String multiRowInsert(int group) {
        String oneRow = "(" + String.join(", ", Collections.nCopies(INSERT_COLUMNS, "?")) + ")";
        String values = String.join(", ", Collections.nCopies(group, oneRow));
        return INSERT_TRANSACTION.replace(oneRow, values);
    }

    /**
     * Checks that each statement inserted all of its {@code group} rows. A smaller count means a
     * stored id; a driver that reports {@link java.sql.Statement#SUCCESS_NO_INFO} also fails the
     * check, because the batch then cannot prove that no id was skipped.
     */
    private static boolean allInserted(int[] counts, int group) {
        for (int count : counts) {
            if (count != group) {
                return false;
            }
        }
        return true;
    }
}
