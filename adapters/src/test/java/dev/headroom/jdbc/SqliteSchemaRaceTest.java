package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteConfig;

/**
 * Two ledgers that upgrade one SQLite file at once. Both find the write mark column missing
 * before either adds it, so the second {@code ALTER TABLE} runs after the first has committed.
 */
class SqliteSchemaRaceTest {

    @TempDir
    Path directory;

    /** Opens a connection to {@code old.db} as the ledger's pool opens it, without autocommit. */
    private Connection connect(SqliteJournal journal) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        config.setJournalMode(SQLiteConfig.JournalMode.valueOf(journal.name()));
        Connection connection = config.createConnection("jdbc:sqlite:"
                + directory.resolve("old.db"));
        connection.setAutoCommit(false);
        return connection;
    }

    @ParameterizedTest
    @EnumSource(SqliteJournal.class)
    void create_otherLedgerAddsColumnFirst_keepsIt(SqliteJournal journal) throws Exception {
        try (Connection setUp = connect(journal);
                Connection first = connect(journal);
                Connection second = connect(journal)) {
            OldLedgerSchema.create(setUp);
            setUp.commit();
            List<String> altered = new ArrayList<>();

            // The second ledger passes its check, then the first runs its whole upgrade just
            // before the second's ALTER TABLE reaches SQLite.
            LedgerSchema.create(beforeAlter(second, () -> {
                LedgerSchema.create(first, SqlDialect.SQLITE);
                altered.add("first");
            }), SqlDialect.SQLITE);

            assertEquals(List.of("first"), altered, "the first ledger altered the table");
            assertEquals(1, writeMarkColumns(setUp));
            assertTrue(second.isValid(1), "the second ledger's connection stays usable");
        }
    }

    /** Work that may fail with an SQL error. */
    private interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * Returns {@code connection} with statements that run {@code before} once, just before the
     * first {@code ALTER TABLE} they execute.
     */
    private static Connection beforeAlter(Connection connection, SqlWork before) {
        boolean[] ran = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = SqliteLedgerTest.invoke(connection, method, args);
                    if (method.getName().equals("createStatement")) {
                        return pausing((Statement) result, before, ran);
                    }
                    return result;
                });
    }

    private static Statement pausing(Statement statement, SqlWork before, boolean[] ran) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute") && !ran[0]
                            && ((String) args[0]).startsWith("ALTER TABLE")) {
                        ran[0] = true;
                        before.run();
                    }
                    return SqliteLedgerTest.invoke(statement, method, args);
                });
    }

    /** Returns how many columns of {@code ledger_transactions} are named write_mark. */
    private static int writeMarkColumns(Connection connection) throws SQLException {
        int count = 0;
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery(
                        "PRAGMA table_info(ledger_transactions)")) {
            while (columns.next()) {
                if (columns.getString("name").equals("write_mark")) {
                    count++;
                }
            }
        }
        connection.commit();
        return count;
    }
}
