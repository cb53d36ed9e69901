package dev.headroom.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * SQL of the balance reads that do not use the account row: the sum over all of a user's rows,
 * which audits the running balance, and the stored snapshot plus the rows after its cut-off.
 */
final class BalanceRows {

    /** Signed amount of one row in micro-dollars: credits add, usage subtracts. */
    private static final String SIGNED_AMOUNT =
            "CASE WHEN t.kind = 'CREDIT' THEN t.amount_micros ELSE -t.amount_micros END";

    static final String SUM_ALL_ROWS = "SELECT COALESCE(SUM(" + SIGNED_AMOUNT + "), 0)"
            + " FROM ledger_transactions t WHERE t.email = ?";

    /**
     * Sum of the rows stamped before a cut-off, bound as the email, the cut-off's epoch second
     * twice, then its nanosecond part. The redundant {@code epoch_second <= ?} bounds the index
     * range scan on (email, epoch_second, nano).
     */
    static final String SUM_BEFORE = "SELECT COALESCE(SUM(" + SIGNED_AMOUNT + "), 0)"
            + " FROM ledger_transactions t WHERE t.email = ? AND t.epoch_second <= ?"
            + " AND (t.epoch_second < ? OR t.nano < ?)";

    static final String UPSERT_SNAPSHOT = "INSERT INTO ledger_snapshots"
            + " (email, cutoff_second, cutoff_nano, balance_micros) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (email) DO UPDATE SET cutoff_second = excluded.cutoff_second,"
            + " cutoff_nano = excluded.cutoff_nano, balance_micros = excluded.balance_micros";

    /**
     * Snapshot balance plus the rows stamped at or after its cut-off, in one statement. It
     * returns no row when the user has no snapshot.
     */
    static final String SNAPSHOT_PLUS_RECENT = "SELECT s.balance_micros + COALESCE(("
            + "SELECT SUM(" + SIGNED_AMOUNT + ") FROM ledger_transactions t"
            + " WHERE t.email = s.email AND t.epoch_second >= s.cutoff_second"
            + " AND (t.epoch_second > s.cutoff_second OR t.nano >= s.cutoff_nano)), 0)"
            + " FROM ledger_snapshots s WHERE s.email = ?";

    private BalanceRows() {
    }

    /** Returns the signed sum of all of the user's rows, zero for an unknown user. */
    static long sumAllRows(Connection connection, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SUM_ALL_ROWS)) {
            select.setString(1, email);
            return singleLong(select);
        }
    }

    /**
     * Sums the rows stamped before {@code cutoff} and stores the result as the user's snapshot,
     * replacing an earlier one. The caller commits.
     */
    static BalanceSnapshot storeSnapshot(Connection connection, String email, Instant cutoff)
            throws SQLException {
        long balance;
        try (PreparedStatement select = connection.prepareStatement(SUM_BEFORE)) {
            select.setString(1, email);
            select.setLong(2, cutoff.getEpochSecond());
            select.setLong(3, cutoff.getEpochSecond());
            select.setInt(4, cutoff.getNano());
            balance = singleLong(select);
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_SNAPSHOT)) {
            upsert.setString(1, email);
            upsert.setLong(2, cutoff.getEpochSecond());
            upsert.setInt(3, cutoff.getNano());
            upsert.setLong(4, balance);
            upsert.executeUpdate();
        }
        return new BalanceSnapshot(email, cutoff, balance);
    }

    /**
     * Returns the snapshot balance plus the rows after its cut-off, or the sum of all rows when
     * the user has no snapshot.
     */
    static long snapshotPlusRecent(Connection connection, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SNAPSHOT_PLUS_RECENT)) {
            select.setString(1, email);
            try (ResultSet result = select.executeQuery()) {
                if (result.next()) {
                    return result.getLong(1);
                }
            }
        }
        return sumAllRows(connection, email);
    }

    private static long singleLong(PreparedStatement select) throws SQLException {
        try (ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
