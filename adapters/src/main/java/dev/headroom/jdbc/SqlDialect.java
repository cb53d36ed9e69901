package dev.headroom.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Database product behind a JDBC connection; the ledger's SQL is the same on both. */
public enum SqlDialect {
    /**
     * PostgreSQL 9.6 or newer, which has {@code INSERT ... ON CONFLICT} (since 9.5) and
     * {@code idle_in_transaction_session_timeout} (since 9.6).
     */
    POSTGRESQL,
    /** SQLite 3.24 or newer through xerial sqlite-jdbc, in write-ahead-log mode. */
    SQLITE;

    /**
     * Detects the dialect from the connection's metadata.
     *
     * @throws SQLException if the metadata cannot be read
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor SQLite
     */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("database " + product
                + " is not supported; use PostgreSQL or SQLite");
    }

    /**
     * Detects the dialect from a JDBC URL such as {@code jdbc:sqlite:/var/lib/ledger.db}.
     *
     * @throws IllegalArgumentException if the URL is of another database; the message shows the
     *     URL with its password parameters masked
     */
    public static SqlDialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("JDBC URL " + JdbcPools.withoutSecrets(jdbcUrl)
                + " is not supported; use one that starts with jdbc:postgresql: or jdbc:sqlite:");
    }
}
