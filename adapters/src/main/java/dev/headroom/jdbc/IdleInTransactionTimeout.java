package dev.headroom.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL {@code idle_in_transaction_session_timeout} that each ledger write sets for
 * its own database transaction.
 *
 * <p>A ledger transaction sends its statements back to back, so only a client that is gone
 * leaves one idle. Its connection broke before the COMMIT arrived, and the server, behind a
 * network partition, never saw the connection close. The transaction would otherwise keep the
 * user's account row locked until TCP keepalive ends the session (2 hours under Linux
 * defaults), and every write of that user would wait.
 *
 * <p>The value is transaction-scoped, as with {@code SET LOCAL}, so the COMMIT or ROLLBACK
 * ends it and the session's next transaction runs with the session's own value. Behind
 * PgBouncer in transaction pooling, that next transaction may belong to another client. The
 * write applies {@value #SECONDS} s only when the session has the timeout disabled (0). A
 * non-zero value from the URL's {@code options}, or from the server, database or role
 * configuration, stays in force. The server reads the session's value in each transaction, so
 * the client keeps no copy of it.
 */
final class IdleInTransactionTimeout {

    /** Seconds applied when the session has the timeout disabled. */
    static final int SECONDS = 10;

    private static final String NAME = "'idle_in_transaction_session_timeout'";

    /**
     * SQL expression that applies {@value #SECONDS} s to the current transaction if the
     * session's timeout is 0 and returns the value in force, which is never null. PostgreSQL
     * evaluates it in every statement that contains it, because {@code set_config} is volatile,
     * and CASE evaluates {@code set_config} only when the condition holds. Both functions exist
     * in PostgreSQL 9.6, though the tests run it on PostgreSQL 14 only.
     */
    static final String SET_FOR_TRANSACTION = "CASE WHEN current_setting(" + NAME + ") = '0'"
            + " THEN set_config(" + NAME + ", '" + SECONDS + "s', true)"
            + " ELSE current_setting(" + NAME + ") END";

    private IdleInTransactionTimeout() {
    }

    /**
     * Applies the timeout to the connection's current transaction with a statement of its own,
     * which costs one round trip. Writes on a hot path fold {@link #SET_FOR_TRANSACTION} into
     * a statement that they send anyway. Call it with auto-commit off, before the
     * transaction's other statements.
     */
    static void setForTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + SET_FOR_TRANSACTION);
        }
    }
}
