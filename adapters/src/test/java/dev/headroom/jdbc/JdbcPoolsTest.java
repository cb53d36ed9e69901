package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.retry.RetryPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
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
}
