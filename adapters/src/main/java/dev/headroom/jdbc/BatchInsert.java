package dev.headroom.jdbc;

import static dev.headroom.jdbc.TransactionRows.INSERT_ACCOUNT;
import static dev.headroom.jdbc.TransactionRows.INSERT_TRANSACTION;
import static dev.headroom.jdbc.TransactionRows.SELECT_ROW_COUNT;

import dev.headroom.ledger.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inserts many transactions with JDBC batches inside the caller's database transaction, with
 * the same rows, balances and numbering that recording them one at a time in list order gives.
 */
final class BatchInsert {

    /** Statements sent per JDBC batch, which bounds the driver's buffered parameters. */
    private static final int BATCH_SIZE = 1_000;

    private static final String ADD_ROWS_TO_BALANCE = "UPDATE ledger_accounts"
            + " SET balance_micros = balance_micros + ?, row_count = row_count + ?"
            + " WHERE email = ?";

    /** Balance change and row count of one user's rows in the batch. */
    private static final class AccountChange {
        private long deltaMicros;
        private long rows;
        private long nextSeq;
    }

    private BatchInsert() {
    }

    /**
     * Updates the accounts, then inserts every row. Returns false, with the work not committed,
     * when a row's id is already stored or repeats in the list; the caller then rolls back.
     */
    static boolean insertAll(Connection connection, List<Transaction> rows) throws SQLException {
        Map<String, AccountChange> changes = new TreeMap<>();
        for (Transaction row : rows) {
            AccountChange change = changes.computeIfAbsent(row.userEmail(),
                    email -> new AccountChange());
            change.deltaMicros += row.balanceDeltaMicros();
            change.rows++;
        }
        updateAccounts(connection, changes);
        return insertRows(connection, rows, changes);
    }

    /**
     * Creates and updates the account rows in email order, so that two concurrent batches lock
     * them in the same order, then reads where each user's new row numbers start.
     */
    private static void updateAccounts(Connection connection, Map<String, AccountChange> changes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ACCOUNT);
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
            Map<String, AccountChange> changes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSACTION)) {
            int pending = 0;
            for (Transaction row : rows) {
                AccountChange change = changes.get(row.userEmail());
                TransactionRows.bindInsert(insert, row, change.nextSeq++);
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    if (!allInserted(insert.executeBatch())) {
                        return false;
                    }
                    pending = 0;
                }
            }
            return pending == 0 || allInserted(insert.executeBatch());
        }
    }

    /**
     * Checks that each statement inserted one row. A count of 0 is a stored id; a driver that
     * reports {@link java.sql.Statement#SUCCESS_NO_INFO} also fails the check, because the batch
     * then cannot prove that no id was skipped.
     */
    private static boolean allInserted(int[] counts) {
        for (int count : counts) {
            if (count != 1) {
                return false;
            }
        }
        return true;
    }
}
