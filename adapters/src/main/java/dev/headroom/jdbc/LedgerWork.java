package dev.headroom.jdbc;

import static dev.headroom.jdbc.TransactionRows.ADD_TO_BALANCE;
import static dev.headroom.jdbc.TransactionRows.COUNT_USERS;
import static dev.headroom.jdbc.TransactionRows.DEBIT_IF_COVERED;
import static dev.headroom.jdbc.TransactionRows.INSERT_TRANSACTION;
import static dev.headroom.jdbc.TransactionRows.SELECT_BALANCE;
import static dev.headroom.jdbc.TransactionRows.SELECT_RANGE;
import static dev.headroom.jdbc.TransactionRows.SELECT_ROW_COUNT;
import static dev.headroom.jdbc.TransactionRows.SELECT_WRITE_MARK;
import static dev.headroom.jdbc.TransactionRows.TRANSACTION_EXISTS;

import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQL units of work of {@link JdbcLedger}, one per ledger method, each on one connection. A
 * write that stores nothing rolls back by itself; the caller opens the database transaction,
 * commits a write that stored its row, and retries failed attempts. A write stores the caller's
 * mark with its row, which {@link #isStoredBy} compares.
 */
final class LedgerWork {

    private LedgerWork() {
    }

    /**
     * Adds the row, marked with {@code mark}, and its amount to the balance, or rolls back and
     * returns {@code DUPLICATE} if the id is stored. The caller commits a {@code RECORDED} write.
     */
    static RecordOutcome insertRecord(Connection connection, SqlDialect dialect, Transaction row,
            String mark) throws SQLException {
        ensureAccount(connection, dialect, row.userEmail());
        try (PreparedStatement update = connection.prepareStatement(ADD_TO_BALANCE)) {
            update.setLong(1, row.balanceDeltaMicros());
            update.setString(2, row.userEmail());
            update.executeUpdate();
        }
        if (!insertRow(connection, row, mark)) {
            connection.rollback();
            return RecordOutcome.DUPLICATE;
        }
        return RecordOutcome.RECORDED;
    }

    /**
     * Returns whether the user's row with the transaction's id is stored with {@code mark}. A
     * row stored before the ledger kept marks has none, so it is never the caller's.
     */
    static boolean isStoredBy(Connection connection, Transaction row, String mark)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_WRITE_MARK)) {
            select.setString(1, row.userEmail());
            select.setString(2, row.transactionId());
            try (ResultSet result = select.executeQuery()) {
                return result.next() && Objects.equals(result.getString(1), mark);
            }
        }
    }

    static long selectBalance(Connection connection, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_BALANCE)) {
            select.setString(1, email);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    static List<Transaction> selectRange(Connection connection, String email,
            Instant from, Instant to) throws SQLException {
        List<Transaction> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_RANGE)) {
            TransactionRows.bindRange(select, email, from, to);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(TransactionRows.read(result));
                }
            }
        }
        return List.copyOf(rows);
    }

    static long selectUserCount(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNT_USERS);
                ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Debits the amount if the balance covers it and adds the row, marked with {@code mark}. A
     * write that stores nothing rolls back and returns the outcome. The caller commits an
     * {@code ADMITTED} write.
     */
    static AdmissionOutcome debitAndInsert(Connection connection, SqlDialect dialect,
            Transaction usage, String mark) throws SQLException {
        ensureAccount(connection, dialect, usage.userEmail());
        if (transactionExists(connection, usage)) {
            connection.rollback();
            return AdmissionOutcome.DUPLICATE;
        }
        int debited;
        try (PreparedStatement debit = connection.prepareStatement(DEBIT_IF_COVERED)) {
            debit.setLong(1, usage.amountMicros());
            debit.setString(2, usage.userEmail());
            debit.setLong(3, usage.amountMicros());
            debited = debit.executeUpdate();
        }
        if (debited == 0) {
            // On PostgreSQL a debit that waited for a concurrent call of the same id now finds
            // that call's row, so the call reports a duplicate rather than an uncovered amount.
            boolean stored = transactionExists(connection, usage);
            connection.rollback();
            return stored ? AdmissionOutcome.DUPLICATE : AdmissionOutcome.INSUFFICIENT_BALANCE;
        }
        if (!insertRow(connection, usage, mark)) {
            connection.rollback();
            return AdmissionOutcome.DUPLICATE;
        }
        return AdmissionOutcome.ADMITTED;
    }

    /**
     * Creates the user's account row with a zero balance unless it exists. On PostgreSQL the
     * statement also applies the idle-in-transaction timeout to the transaction.
     */
    private static void ensureAccount(Connection connection, SqlDialect dialect, String email)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(TransactionRows.insertAccount(dialect))) {
            insert.setString(1, email);
            insert.executeUpdate();
        }
    }

    /** Returns whether the user already has a row with the transaction's id. */
    private static boolean transactionExists(Connection connection, Transaction transaction)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(TRANSACTION_EXISTS)) {
            select.setString(1, transaction.userEmail());
            select.setString(2, transaction.transactionId());
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * Inserts the row numbered after the account's updated row count; false if the id is
     * already stored. Call it after the account update, in the same database transaction.
     */
    private static boolean insertRow(Connection connection, Transaction row, String mark)
            throws SQLException {
        long seq;
        try (PreparedStatement select = connection.prepareStatement(SELECT_ROW_COUNT)) {
            select.setString(1, row.userEmail());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                seq = result.getLong(1);
            }
        }
        try (PreparedStatement insert =
                connection.prepareStatement(INSERT_TRANSACTION)) {
            TransactionRows.bindInsert(insert, 0, row, seq, mark);
            return insert.executeUpdate() == 1;
        }
    }
}
