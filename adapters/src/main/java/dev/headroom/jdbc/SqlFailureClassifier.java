package dev.headroom.jdbc;

import dev.headroom.retry.FailureClassifier;
import dev.headroom.retry.FailureKind;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Sorts JDBC failures of PostgreSQL and SQLite into retryable and permanent ones.
 *
 * <p>PostgreSQL advises retrying SQLSTATE 40001 (serialization_failure) and 40P01
 * (deadlock_detected):
 * https://www.postgresql.org/docs/current/mvcc-serialization-failure-handling.html
 * (read 2026-12). Class 08 (connection exception) and a server that is shutting down or starting
 * (57P01, 57P03) are transient too. 53300 (too_many_connections) means that the server is at its
 * connection limit, which counts as throttling. SQLite's SQLITE_BUSY and SQLITE_LOCKED mean that
 * another connection kept the lock for longer than the busy timeout.
 */
final class SqlFailureClassifier implements FailureClassifier {

    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "57P03");
    private static final String TOO_MANY_CONNECTIONS = "53300";

    @Override
    public FailureKind classify(Throwable failure) {
        if (failure instanceof SQLiteException sqlite) {
            return classifySqlite(sqlite);
        }
        if (failure instanceof SQLTransientException) {
            return FailureKind.TRANSIENT;
        }
        if (failure instanceof SQLException sql) {
            return classifyState(sql.getSQLState());
        }
        return FailureKind.PERMANENT;
    }

    /**
     * Returns whether the failure broke the connection (SQLSTATE class 08, or a JDBC
     * connection exception), so that a statement sent on it, such as a commit, may have been
     * applied by the database without the reply arriving.
     */
    static boolean isConnectionFailure(SQLException failure) {
        String state = failure.getSQLState();
        return (state != null && state.startsWith("08"))
                || failure instanceof SQLRecoverableException
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLTransientConnectionException;
    }

    private static FailureKind classifySqlite(SQLiteException failure) {
        int primaryCode = failure.getResultCode().code & 0xFF;
        if (primaryCode == SQLiteErrorCode.SQLITE_BUSY.code
                || primaryCode == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return FailureKind.TRANSIENT;
        }
        return FailureKind.PERMANENT;
    }

    private static FailureKind classifyState(String state) {
        if (state == null) {
            return FailureKind.PERMANENT;
        }
        if (TOO_MANY_CONNECTIONS.equals(state)) {
            return FailureKind.THROTTLED;
        }
        if (TRANSIENT_STATES.contains(state) || state.startsWith("08")) {
            return FailureKind.TRANSIENT;
        }
        return FailureKind.PERMANENT;
    }
}
