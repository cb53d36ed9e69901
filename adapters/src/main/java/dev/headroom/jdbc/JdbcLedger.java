package dev.headroom.jdbc;

import static dev.headroom.jdbc.TransactionRows.estimatedBytes;
import static dev.headroom.jdbc.TransactionRows.utf8Length;

import com.zaxxer.hikari.HikariDataSource;
import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.ClosedGuard;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.LedgerArguments;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.metrics.AdapterMetrics;
import dev.headroom.metrics.MetricsRecorder;
import dev.headroom.retry.Retrier;
import dev.headroom.retry.RetryPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UsageLedger} on PostgreSQL or SQLite through JDBC. Thread-safe when its
 * {@link DataSource} is; admission is {@link AdmissionGuarantee#ATOMIC}.
 *
 * <p>A write is one database transaction that updates the user's account row (balance and row
 * count) and inserts the transaction row with {@code ON CONFLICT DO NOTHING}. When the insert
 * finds the user's id already stored, the transaction rolls back, so a retried write never counts
 * twice.
 * The account update comes first, so it locks the user's row and concurrent writes for one user
 * queue on that lock. An admission debits with
 * {@code UPDATE ... WHERE email = ? AND balance_micros >= ?}, and an admission whose update
 * changes no row stores nothing.
 *
 * <p>Each write call stores a mark with its rows, unique to the call among all ledger instances:
 * a random id of the instance and the number of the call. If the commit reaches the database but
 * its reply is lost (the connection breaks), the retried attempt finds the id stored with the
 * call's own mark, so the call returns {@link RecordOutcome#RECORDED} (or
 * {@link AdmissionOutcome#ADMITTED}); a later call with the same transaction returns
 * {@code DUPLICATE}. If the lost commit never reached the database and another call stored the
 * transaction meanwhile, the row has that call's mark, and only that call reports it as stored.
 * The mark is never read back into a {@link Transaction}.
 *
 * <p>On PostgreSQL each write transaction sets {@code idle_in_transaction_session_timeout} to
 * {@value IdleInTransactionTimeout#SECONDS} s for itself alone, unless the session already has
 * a non-zero value, which stays. So a transaction whose client vanished before its COMMIT
 * releases the user's row lock when the server ends the session. Nothing of it carries over to
 * the session's next transaction. See {@link IdleInTransactionTimeout}.
 */
public final class JdbcLedger implements UsageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcLedger.class);
    private static final long BALANCE_BYTES = 8;

    /** Maximum seconds that {@link #close()} waits for the calls in flight to finish. */
    static final int CLOSE_WAIT_SECONDS = 10;

    private final ClosedGuard guard = new ClosedGuard("JDBC ledger");
    private final DataSource dataSource;
    private final DataSourceOwnership ownership;
    private final SqlDialect dialect;
    private final MetricsRecorder metrics = new MetricsRecorder();
    private final Retrier retrier;
    /** Random id of this instance, the first part of every write mark. */
    private final String instanceMark = UUID.randomUUID().toString();
    private final AtomicLong writeCalls = new AtomicLong();

    /** Whether {@link #close()} closes the data source. */
    private enum DataSourceOwnership {
        OWNED,
        BORROWED
    }

    /**
     * Transaction mode of a unit of work: a read is one statement in auto-commit mode, and a
     * write runs its statements in one database transaction.
     */
    private enum Access {
        READ,
        WRITE
    }

    /** One attempt of a unit of work on a connection from the pool. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private JdbcLedger(DataSource dataSource, DataSourceOwnership ownership,
            RetryPolicy retryPolicy) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.ownership = ownership;
        this.retrier = retryPolicy.retrier(new SqlFailureClassifier(), metrics);
        this.dialect = call(Access.WRITE, "createSchema", "ledger", this::createSchema,
                result -> 0);
        LOG.info("JDBC ledger ready on {}", dialect);
    }

    /**
     * Creates a ledger on a data source that the caller configures, pools and closes. For SQLite,
     * set a busy timeout and the journal mode ({@link SqliteJournal}) on each connection. On
     * PostgreSQL the writes apply the idle-in-transaction timeout as on a pool from
     * {@link #open}.
     */
    public static JdbcLedger create(DataSource dataSource, RetryPolicy retryPolicy) {
        return new JdbcLedger(dataSource, DataSourceOwnership.BORROWED, retryPolicy);
    }

    /**
     * Opens a ledger on its own connection pool for {@code jdbcUrl}, such as
     * {@code jdbc:postgresql://127.0.0.1:5432/ledger} or {@code jdbc:sqlite:/var/lib/ledger.db}.
     * {@link #close()} closes the pool.
     *
     * @param user database user, or null for SQLite
     * @param password database password, or null for SQLite
     * @throws IllegalArgumentException if the URL is neither PostgreSQL nor SQLite, or names an
     *     in-memory or temporary SQLite database, whose rows would not be shared by the pool's
     *     connections or would not outlive them
     */
    public static JdbcLedger open(String jdbcUrl, String user, String password,
            JdbcPoolSettings pool, RetryPolicy retryPolicy) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl is missing; pass a URL such as"
                + " jdbc:sqlite:/var/lib/ledger.db");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        HikariDataSource dataSource = JdbcPools.create(jdbcUrl, user, password, pool);
        try {
            return new JdbcLedger(dataSource, DataSourceOwnership.OWNED, retryPolicy);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private SqlDialect createSchema(Connection connection) throws SQLException {
        SqlDialect detected = SqlDialect.of(connection);
        LedgerSchema.create(connection, detected);
        connection.commit();
        return detected;
    }

    /** Returns the database product behind this ledger. */
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        guard.requireOpen();
        LedgerArguments.requireTransaction(transaction);
        WriteCall write = newWrite("record", transaction.transactionId());
        return call(Access.WRITE, "record", transaction.transactionId(), connection -> {
            RecordOutcome outcome = LedgerWork.insertRecord(connection, dialect,
                    transaction, write.mark);
            if (outcome == RecordOutcome.RECORDED) {
                write.commit(connection);
                return outcome;
            }
            return write.storedByEarlierCommit(connection, transaction)
                    ? RecordOutcome.RECORDED : RecordOutcome.DUPLICATE;
        }, outcome -> estimatedBytes(transaction));
    }

    @Override
    public long balanceMicros(String userEmail) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        return call(Access.READ, "balance", userEmail,
                connection -> LedgerWork.selectBalance(connection, userEmail),
                balance -> utf8Length(userEmail) + BALANCE_BYTES);
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        LedgerArguments.requireRange(from, to);
        return call(Access.READ, "transactions", userEmail,
                connection -> LedgerWork.selectRange(connection, userEmail, from, to),
                rows -> rows.stream().mapToLong(TransactionRows::estimatedBytes).sum());
    }

    @Override
    public long countUsers() {
        guard.requireOpen();
        return call(Access.READ, "countUsers", "all users", LedgerWork::selectUserCount,
                count -> BALANCE_BYTES);
    }

    @Override
    public AdmissionOutcome admit(Transaction usage) {
        guard.requireOpen();
        LedgerArguments.requireUsage(usage);
        WriteCall write = newWrite("admit", usage.transactionId());
        return call(Access.WRITE, "admit", usage.transactionId(), connection -> {
            AdmissionOutcome outcome = LedgerWork.debitAndInsert(connection, dialect,
                    usage, write.mark);
            if (outcome == AdmissionOutcome.ADMITTED) {
                write.commit(connection);
            } else if (outcome == AdmissionOutcome.DUPLICATE
                    && write.storedByEarlierCommit(connection, usage)) {
                return AdmissionOutcome.ADMITTED;
            }
            return outcome;
        }, outcome -> estimatedBytes(usage));
    }

    /** Starts a write call with a mark that no other call of any ledger instance has. */
    private WriteCall newWrite(String operation, String id) {
        return new WriteCall(operation, id, instanceMark + "/" + writeCalls.incrementAndGet());
    }

    /**
     * One write call, whose attempts all store its mark. An attempt whose commit fails with a
     * broken connection may have committed all the same, and an attempt of {@code recordAll}
     * may commit rows before it fails. So once a commit was tried, a later attempt that finds an
     * id stored checks the stored row's mark: only this call's attempts store this mark.
     */
    private static final class WriteCall {
        private final String operation;
        private final String id;
        private final String mark;
        private boolean commitTried;

        WriteCall(String operation, String id, String mark) {
            this.operation = operation;
            this.id = id;
            this.mark = mark;
        }

        void commit(Connection connection) throws SQLException {
            commitTried = true;
            try {
                connection.commit();
            } catch (SQLException e) {
                if (SqlFailureClassifier.isConnectionFailure(e)) {
                    LOG.warn("The commit of {} for {} lost its connection and may have been"
                            + " applied; a retry checks the mark of the stored row: {}",
                            operation, id, e.toString());
                }
                throw e;
            }
        }

        /**
         * Returns whether an earlier commit of this call stored {@code row}: its id is stored
         * (the caller found it) with this call's mark. Before any commit was tried, no attempt
         * can have stored the row, so the check is skipped.
         */
        boolean storedByEarlierCommit(Connection connection, Transaction row)
                throws SQLException {
            if (!commitTried) {
                return false;
            }
            if (!LedgerWork.isStoredBy(connection, row, mark)) {
                LOG.info("{} for {} found {} stored by another call, not by its own earlier"
                        + " attempt", operation, id, row.transactionId());
                return false;
            }
            LOG.info("{} for {} found {} stored by its own earlier commit", operation, id,
                    row.transactionId());
            return true;
        }
    }

    @Override
    public AdmissionGuarantee admissionGuarantee() {
        return AdmissionGuarantee.ATOMIC;
    }

    @Override
    public AdapterMetrics metrics() {
        return metrics;
    }

    /**
     * Records many transactions in one database transaction with batched statements, for imports
     * and fixtures. It stores the same rows and balances as {@link #record} on each in list
     * order, and rows with equal timestamps list in list order. When an id is already stored or
     * repeats in the list, the batch rolls back and the rows are recorded one at a time, each in
     * its own database transaction. When an attempt fails after it committed rows, or lost a
     * commit's outcome with the connection, the retry counts the rows that this call's earlier
     * attempts stored, which carry its mark.
     *
     * @return the number of rows stored, which excludes ids already stored
     * @throws InvalidInputException if the list or one of its transactions is missing
     */
    public int recordAll(List<Transaction> transactions) {
        guard.requireOpen();
        if (transactions == null) {
            throw new InvalidInputException(
                    "transactions is missing; pass a list, which may be empty");
        }
        transactions.forEach(LedgerArguments::requireTransaction);
        if (transactions.isEmpty()) {
            return 0;
        }
        WriteCall write = newWrite("recordAll", transactions.size() + " transactions");
        return call(Access.WRITE, "recordAll", write.id,
                connection -> insertBatch(connection, dialect, transactions, write),
                stored -> transactions.stream().mapToLong(TransactionRows::estimatedBytes).sum());
    }

    /**
     * Stores the rows in one batch, or one at a time when an id is stored or repeats. A row
     * found with this call's mark counts once, at its first place in the list.
     */
    private static int insertBatch(Connection connection, SqlDialect dialect,
            List<Transaction> rows, WriteCall write) throws SQLException {
        if (BatchInsert.insertAll(connection, dialect, rows, write.mark)) {
            write.commit(connection);
            return rows.size();
        }
        connection.rollback();
        LOG.info("recordAll of {} rows found an id stored before or repeated in the list;"
                + " recording the rows one at a time", rows.size());
        int stored = 0;
        Set<Map.Entry<String, String>> seen = new HashSet<>();
        for (Transaction row : rows) {
            boolean first = seen.add(Map.entry(row.userEmail(), row.transactionId()));
            RecordOutcome outcome = LedgerWork.insertRecord(connection, dialect, row, write.mark);
            if (outcome == RecordOutcome.RECORDED) {
                write.commit(connection);
                stored++;
            } else if (first && write.storedByEarlierCommit(connection, row)) {
                stored++;
            }
        }
        return stored;
    }

    /**
     * Returns the signed sum of all of the user's rows in micro-dollars (credits add, usage
     * subtracts), zero for an unknown user. It reads every row of the user, which is the
     * balance design of a ledger with no account row; it equals {@link #balanceMicros} unless
     * the running balance has drifted, so it serves as an audit.
     */
    public long sumOfRowsMicros(String userEmail) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        return call(Access.READ, "sumOfRows", userEmail,
                connection -> BalanceRows.sumAllRows(connection, userEmail),
                sum -> utf8Length(userEmail) + BALANCE_BYTES);
    }

    /**
     * Sums the user's rows stamped before {@code cutoff} and stores the sum as the user's
     * snapshot, replacing an earlier one, so that {@link #balanceFromSnapshotMicros} reads only
     * the rows from the cut-off on.
     *
     * <p>NOTE: a row stored after the snapshot but stamped before its cut-off is in neither part,
     * so take snapshots only at cut-offs older than any row still to come.
     *
     * @throws InvalidInputException if the email or the cut-off is missing
     */
    public BalanceSnapshot snapshotBalance(String userEmail, Instant cutoff) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        if (cutoff == null) {
            throw new InvalidInputException("cutoff is missing; pass the instant that the"
                    + " snapshot of " + userEmail + " should cover rows before");
        }
        return call(Access.WRITE, "snapshotBalance", userEmail,
                connection -> commitSnapshot(connection, dialect, userEmail, cutoff),
                snapshot -> utf8Length(userEmail) + 3 * BALANCE_BYTES);
    }

    private static BalanceSnapshot commitSnapshot(Connection connection, SqlDialect dialect,
            String email, Instant cutoff) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            IdleInTransactionTimeout.setForTransaction(connection);
        }
        BalanceSnapshot snapshot = BalanceRows.storeSnapshot(connection, email, cutoff);
        connection.commit();
        return snapshot;
    }

    /**
     * Returns the user's snapshot balance plus the rows stamped at or after its cut-off, in
     * micro-dollars, read with one statement. A user without a snapshot gets the sum of all rows.
     */
    public long balanceFromSnapshotMicros(String userEmail) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        return call(Access.READ, "balanceFromSnapshot", userEmail,
                connection -> BalanceRows.snapshotPlusRecent(connection, userEmail),
                balance -> utf8Length(userEmail) + BALANCE_BYTES);
    }

    /**
     * Updates the query planner's statistics of the ledger tables with {@code ANALYZE}. Run it
     * after a large {@link #recordAll}, because PostgreSQL's autovacuum does so only later and
     * SQLite never does.
     */
    public void updateStatistics() {
        guard.requireOpen();
        call(Access.WRITE, "updateStatistics", "ledger tables",
                connection -> analyzeTables(connection, dialect), done -> 0);
    }

    private static Boolean analyzeTables(Connection connection, SqlDialect dialect)
            throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            IdleInTransactionTimeout.setForTransaction(connection);
        }
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE ledger_accounts");
            statement.execute("ANALYZE ledger_transactions");
            statement.execute("ANALYZE ledger_snapshots");
        }
        connection.commit();
        return Boolean.TRUE;
    }

    /**
     * Rejects new calls, waits up to {@value #CLOSE_WAIT_SECONDS} s for the calls in flight to
     * finish, then closes the connection pool if {@link #open} created it. A borrowed data
     * source stays open. A call still in flight after the wait may fail with
     * {@link StoreUnavailableException}, and its row may or may not be stored.
     */
    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        guard.drainCalls(Duration.ofSeconds(CLOSE_WAIT_SECONDS), dialect.toString(),
                "they may fail");
        if (ownership == DataSourceOwnership.OWNED && dataSource instanceof HikariDataSource pool) {
            pool.close();
            LOG.info("JDBC ledger on {} closed its connection pool", dialect);
        }
    }

    /**
     * Runs {@code work} under the retry policy, recording one call per attempt with its latency
     * and estimated payload bytes.
     */
    private <T> T call(Access access, String operation, String id, SqlWork<T> work,
            ToLongFunction<T> payloadBytes) {
        guard.beginCall();
        try {
            return attempts(access, operation, id, work, payloadBytes);
        } finally {
            guard.endCall();
        }
    }

    private <T> T attempts(Access access, String operation, String id, SqlWork<T> work,
            ToLongFunction<T> payloadBytes) {
        return retrier.execute(operation, id, () -> {
            long start = System.nanoTime();
            long bytes = 0;
            try (Connection connection = dataSource.getConnection()) {
                T result = access == Access.WRITE
                        ? runInTransaction(connection, operation, id, work)
                        : work.run(connection);
                bytes = payloadBytes.applyAsLong(result);
                return result;
            } catch (SQLException e) {
                throw invalidInputOr(e, operation, id);
            } finally {
                metrics.recordCall(bytes, (System.nanoTime() - start) / 1_000);
            }
        });
    }

    private static <T> T runInTransaction(Connection connection, String operation, String id,
            SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            return work.run(connection);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            restoreAutoCommit(connection, operation, id);
        }
    }

    /**
     * Turns auto-commit back on. A failure here is logged, not thrown, because the work has
     * already committed or rolled back, and a retry of a committed write would report it as a
     * duplicate. The pool resets or discards the connection when it is returned.
     */
    private static void restoreAutoCommit(Connection connection, String operation, String id) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Could not turn auto-commit back on after {} for {}; the pool resets the"
                    + " connection: {}", operation, id, e.toString());
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Turns a data exception (SQLSTATE class 22, such as text the database cannot store) and a
     * program limit (class 54, such as an id or email too long for PostgreSQL's index row) into
     * {@link InvalidInputException}; other failures go to the retry policy unchanged.
     */
    private static SQLException invalidInputOr(SQLException failure, String operation,
            String id) {
        String state = failure.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("54"))) {
            throw new InvalidInputException(operation + " for " + id + " was rejected by the"
                    + " database as invalid data: " + failure.getMessage(), failure);
        }
        return failure;
    }
}
