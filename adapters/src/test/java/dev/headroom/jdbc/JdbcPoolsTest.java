package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

class JdbcPoolsTest {

    @TempDir
    Path directory;

    @Test
    void withoutSecrets_masksEveryPasswordParameter() {
        assertEquals("jdbc:postgresql://db:5432/ledger?user=app&password=<masked>&ssl=true",
                JdbcPools.withoutSecrets(
                        "jdbc:postgresql://db:5432/ledger?user=app&password=s3cret&ssl=true"));
        assertEquals("jdbc:postgresql://db/ledger?sslpassword=<masked>",
                JdbcPools.withoutSecrets("jdbc:postgresql://db/ledger?sslpassword=key"));
        assertEquals("jdbc:sqlite:/tmp/ledger.db", JdbcPools.withoutSecrets(
                "jdbc:sqlite:/tmp/ledger.db"));
    }

    @Test
    void open_missingArgument_isNamed() {
        String url = "jdbc:sqlite:" + directory.resolve("ledger.db");
        JdbcPoolSettings pool = JdbcPoolSettings.defaults();
        RetryPolicy retry = RetryPolicy.noRetries();

        assertNames("jdbcUrl", () -> JdbcLedger.open(null, null, null, pool, retry));
        assertNames("pool", () -> JdbcLedger.open(url, null, null, null, retry));
        assertNames("retryPolicy", () -> JdbcLedger.open(url, null, null, pool, null));
        assertNames("retryPolicy", () -> JdbcLedger.create(new SQLiteDataSource(), null));
    }

    private static void assertNames(String argument, Executable open) {
        NullPointerException error = assertThrows(NullPointerException.class, open);
        assertTrue(error.getMessage().startsWith(argument), error.getMessage());
    }

    @Test
    void refusedConnection_errorOmitsThePassword() {
        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                () -> JdbcPools.create("jdbc:postgresql://127.0.0.1:1/ledger?password=s3cret",
                        "app", null, JdbcPoolSettings.defaults()));
        assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
        assertTrue(error.getMessage().contains("password=<masked>"), error.getMessage());
    }

    /**
     * SQLite opens each of these names as a database of its own per connection, or one that
     * vanishes with the last connection, so a pool would split or lose the ledger's rows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite:", "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:",
        "jdbc:sqlite:file::memory:?cache=shared", "jdbc:sqlite:file:ledger?mode=memory",
        "jdbc:sqlite:file:ledger?cache=shared&mode=memory", "jdbc:sqlite:?journal_mode=WAL",
        "jdbc:sqlite:file:", "jdbc:sqlite:file:?cache=shared"})
    void open_sqliteInMemoryUrl_isRejected(String url) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> JdbcLedger.open(url, null, null, JdbcPoolSettings.defaults(),
                        RetryPolicy.noRetries()).close());
        assertTrue(error.getMessage().contains(url), error.getMessage());
        assertTrue(error.getMessage().contains("jdbc:sqlite:/var/lib/headroom/ledger.db"),
                error.getMessage());
    }

    @Test
    void open_sqliteFileUrls_areAccepted() {
        Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
        for (String url : new String[] {
            "jdbc:sqlite:" + directory.resolve("memory.db"),
            "jdbc:sqlite:file:" + directory.resolve("uri.db"),
            "jdbc:sqlite:file:" + directory.resolve("shared.db") + "?cache=shared"}) {
            try (JdbcLedger ledger = JdbcLedger.open(url, null, null,
                    JdbcPoolSettings.defaults(), RetryPolicy.noRetries())) {
                assertEquals(RecordOutcome.RECORDED, ledger.record(
                        Transaction.credit("c-1", "ann@example.com", t0, 1_500)), url);
                assertEquals(1_500, ledger.balanceMicros("ann@example.com"), url);
            }
        }
    }
}
