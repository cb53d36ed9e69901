package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headroom.retry.FailureKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Classifies failures that a real PostgreSQL server and driver produce, and SQLite's result
 * codes.
 */
class SqlFailureClassifierTest {

    private final SqlFailureClassifier classifier = new SqlFailureClassifier();

    @BeforeAll
    static void createTable() throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE classifier_shifts"
                    + " (doctor TEXT PRIMARY KEY, on_call BOOLEAN)");
            statement.execute(
                    "INSERT INTO classifier_shifts VALUES ('alice', true), ('bob', true)");
        }
    }

    private static Connection serializable() throws SQLException {
        Connection connection = DriverManager.getConnection(PostgresServers.url(null));
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        return connection;
    }

    /** Two serializable transactions that each read both rows and update a different one. */
    private static SQLException writeSkewFailure() throws SQLException {
        try (Connection first = serializable(); Connection second = serializable()) {
            String count = "SELECT COUNT(*) FROM classifier_shifts WHERE on_call";
            first.createStatement().executeQuery(count).close();
            second.createStatement().executeQuery(count).close();
            first.createStatement().executeUpdate(
                    "UPDATE classifier_shifts SET on_call = false WHERE doctor = 'alice'");
            second.createStatement().executeUpdate(
                    "UPDATE classifier_shifts SET on_call = false WHERE doctor = 'bob'");
            first.commit();
            return assertThrows(SQLException.class, second::commit);
        }
    }

    @Test
    void serializationFailure_isTransient() throws Exception {
        SQLException failure = writeSkewFailure();

        assertEquals("40001", failure.getSQLState());
        assertEquals(FailureKind.TRANSIENT, classifier.classify(failure));
    }

    @Test
    void refusedConnection_isTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?user=postgres";

        SQLException failure =
                assertThrows(SQLException.class, () -> DriverManager.getConnection(url));

        assertEquals("08001", failure.getSQLState());
        assertEquals(FailureKind.TRANSIENT, classifier.classify(failure));
    }

    @Test
    void syntaxError_isPermanent() throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresServers.url(null));
                Statement statement = connection.createStatement()) {
            SQLException failure =
                    assertThrows(SQLException.class, () -> statement.execute("SELEC 1"));

            assertEquals(FailureKind.PERMANENT, classifier.classify(failure));
        }
    }

    @Test
    void otherFailures_areSortedByType() {
        assertEquals(FailureKind.TRANSIENT,
                classifier.classify(new SQLTransientConnectionException("pool timed out")));
        assertEquals(FailureKind.THROTTLED,
                classifier.classify(new SQLException("too many clients", "53300")));
        assertEquals(FailureKind.TRANSIENT,
                classifier.classify(new SQLException("deadlock detected", "40P01")));
        assertEquals(FailureKind.PERMANENT, classifier.classify(new SQLException("no state")));
        assertEquals(FailureKind.PERMANENT,
                classifier.classify(new IllegalStateException("not SQL")));
    }

    @Test
    void sqliteExtendedBusyCodes_areTransient() {
        // SQLite reports SQLITE_BUSY_SNAPSHOT when a WAL reader's snapshot is too old to write.
        for (SQLiteErrorCode code : List.of(SQLiteErrorCode.SQLITE_BUSY,
                SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT, SQLiteErrorCode.SQLITE_BUSY_RECOVERY,
                SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE)) {
            SQLiteException failure = new SQLiteException("database is locked", code);

            assertEquals(FailureKind.TRANSIENT, classifier.classify(failure), code.name());
        }
        assertEquals(FailureKind.PERMANENT, classifier.classify(new SQLiteException(
                "UNIQUE constraint failed", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)));
    }
}
