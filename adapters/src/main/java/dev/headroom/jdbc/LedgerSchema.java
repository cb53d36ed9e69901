package dev.headroom.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tables of the JDBC ledger, created if missing. The SQL is portable between PostgreSQL and
 * SQLite.
 *
 * <p>{@code ledger_accounts} has one row per user with the running balance and the number of
 * stored rows, which also numbers each new row ({@code seq}) so that rows with the same
 * timestamp list in the order they were stored. {@code ledger_transactions} has the email and
 * transaction id as primary key, so an insert of an id the user has changes nothing, and the same
 * id for another user is another row, as on the other ledgers. Timestamps are stored as epoch
 * seconds plus a nanosecond part, which keeps every {@link java.time.Instant} exactly.
 * {@code ledger_snapshots} has at most one {@link BalanceSnapshot} per user.
 *
 * <p>{@code write_mark} is the mark of the ledger call that stored the row, so that a retry
 * after a commit whose outcome is unknown can tell its own row from one that another call
 * stored. Tables created before the column existed get it added, and their rows keep a null
 * mark, which no call has.
 */
final class LedgerSchema {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSchema.class);

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS ledger_accounts ("
                    + "email TEXT PRIMARY KEY, "
                    + "balance_micros BIGINT NOT NULL, "
                    + "row_count BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS ledger_transactions ("
                    + "transaction_id TEXT NOT NULL, "
                    + "email TEXT NOT NULL, "
                    + "seq BIGINT NOT NULL, "
                    + "epoch_second BIGINT NOT NULL, "
                    + "nano INTEGER NOT NULL, "
                    + "kind TEXT NOT NULL, "
                    + "model TEXT NOT NULL, "
                    + "tokens_in BIGINT NOT NULL, "
                    + "tokens_out BIGINT NOT NULL, "
                    + "amount_micros BIGINT NOT NULL, "
                    + "duration_millis BIGINT NOT NULL, "
                    + "write_mark TEXT, "
                    + "PRIMARY KEY (email, transaction_id))",
            "CREATE INDEX IF NOT EXISTS ledger_transactions_by_user_time "
                    + "ON ledger_transactions (email, epoch_second, nano, seq)",
            "CREATE TABLE IF NOT EXISTS ledger_snapshots ("
                    + "email TEXT PRIMARY KEY, "
                    + "cutoff_second BIGINT NOT NULL, "
                    + "cutoff_nano INTEGER NOT NULL, "
                    + "balance_micros BIGINT NOT NULL)");

    /** The column that tables created by older versions of the ledger lack. */
    private static final String WRITE_MARK = "write_mark";

    /** The key of the PostgreSQL advisory lock that serializes schema changes. */
    private static final long SCHEMA_LOCK = 0x4865_6164_726f_6f6dL;

    private LedgerSchema() {
    }

    /**
     * Creates the tables and index that are missing and adds the write mark column to a
     * transactions table that lacks it, committing each step. On SQLite it also logs the
     * journal mode, which the connection's settings choose.
     *
     * <p>Ledgers that start at once on one database may both find a table or the column
     * missing. PostgreSQL fails the second creation of a table even with {@code IF NOT EXISTS},
     * so there the steps run under a session advisory lock. SQLite creates tables under its
     * write lock, and a second added column fails as a duplicate, after which it is there.
     */
    static void create(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect != SqlDialect.POSTGRESQL) {
            createMissing(connection, dialect);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            try {
                createMissing(connection, dialect);
            } catch (SQLException | RuntimeException e) {
                // A broken connection fails the unlock too, and its session's end frees the lock,
                // so the first error is the one to report and classify.
                try {
                    unlock(statement);
                } catch (SQLException unlockFailure) {
                    e.addSuppressed(unlockFailure);
                }
                throw e;
            }
            unlock(statement);
        }
    }

    /** Ends any open transaction and releases the schema lock. */
    private static void unlock(Statement statement) throws SQLException {
        Connection connection = statement.getConnection();
        connection.rollback();
        statement.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
        connection.commit();
    }

    private static void createMissing(Connection connection, SqlDialect dialect)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (dialect == SqlDialect.SQLITE) {
                logJournalMode(statement);
            }
            limitIdleTime(connection, dialect);
            for (String ddl : TABLES) {
                statement.execute(ddl);
            }
            connection.commit();
            limitIdleTime(connection, dialect);
            boolean marked = hasWriteMark(statement);
            connection.commit();
            if (!marked) {
                limitIdleTime(connection, dialect);
                addWriteMark(statement, dialect);
                connection.commit();
            }
        }
    }

    /**
     * Applies the idle-in-transaction timeout to the connection's transaction on PostgreSQL, so
     * that a client gone before its COMMIT does not keep the tables locked. It costs one round
     * trip per transaction, only while the ledger opens.
     */
    private static void limitIdleTime(Connection connection, SqlDialect dialect)
            throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            IdleInTransactionTimeout.setForTransaction(connection);
        }
    }

    /** Adds the write mark column, unless another ledger on SQLite added it first. */
    private static void addWriteMark(Statement statement, SqlDialect dialect)
            throws SQLException {
        try {
            statement.execute("ALTER TABLE ledger_transactions ADD COLUMN " + WRITE_MARK
                    + " TEXT");
        } catch (SQLException e) {
            if (dialect == SqlDialect.POSTGRESQL) {
                throw e;
            }
            statement.getConnection().rollback();
            if (!hasWriteMark(statement)) {
                throw e;
            }
            LOG.info("Another ledger added column {} first: {}", WRITE_MARK, e.toString());
            return;
        }
        LOG.info("Added column {} to ledger_transactions; rows stored before have none",
                WRITE_MARK);
    }

    /**
     * Returns whether {@code ledger_transactions} has the write mark column. It reads the
     * columns of an empty query, which finds the table the way the ledger's statements do (on
     * PostgreSQL through the search path) and works the same on SQLite.
     */
    private static boolean hasWriteMark(Statement statement) throws SQLException {
        try (ResultSet empty = statement.executeQuery(
                "SELECT * FROM ledger_transactions WHERE 1 = 0")) {
            ResultSetMetaData columns = empty.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if (WRITE_MARK.equalsIgnoreCase(columns.getColumnName(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Logs the SQLite journal mode in use, such as {@code wal} or {@code delete}. */
    private static void logJournalMode(Statement statement) throws SQLException {
        try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            String actual = mode.next() ? mode.getString(1) : "unknown";
            LOG.info("SQLite ledger uses journal mode {}", actual);
        }
    }
}
