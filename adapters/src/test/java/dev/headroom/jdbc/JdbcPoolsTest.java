package dev.headroom.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.StoreUnavailableException;
import org.junit.jupiter.api.Test;

class JdbcPoolsTest {

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
    void refusedConnection_errorOmitsThePassword() {
        StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                () -> JdbcPools.create("jdbc:postgresql://127.0.0.1:1/ledger?password=s3cret",
                        "app", null, JdbcPoolSettings.defaults()));
        assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
        assertTrue(error.getMessage().contains("password=<masked>"), error.getMessage());
    }
}
