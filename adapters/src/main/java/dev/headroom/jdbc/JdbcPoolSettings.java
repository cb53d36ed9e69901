package dev.headroom.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the connection pool that {@link JdbcLedger#open} creates.
 *
 * @param maxPoolSize maximum number of open connections, at least 1
 * @param connectionTimeout how long a call waits for a free connection before it fails
 * @param sqliteBusyTimeout how long a SQLite connection waits for another writer's lock before
 *     it fails with SQLITE_BUSY, which the retry policy then retries; unused on PostgreSQL
 */
public record JdbcPoolSettings(
        int maxPoolSize, Duration connectionTimeout, Duration sqliteBusyTimeout) {

    /** Checks the settings and throws {@link IllegalArgumentException} naming the bad one. */
    public JdbcPoolSettings {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException(
                    "maxPoolSize is " + maxPoolSize + "; it must be at least 1");
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(sqliteBusyTimeout, "sqliteBusyTimeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout is " + connectionTimeout
                    + "; the pool needs at least 250 ms");
        }
        if (sqliteBusyTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "sqliteBusyTimeout is " + sqliteBusyTimeout + "; it must not be negative");
        }
    }

    /** Returns 10 connections, a 30 s connection timeout and a 5 s SQLite busy timeout. */
    public static JdbcPoolSettings defaults() {
        return new JdbcPoolSettings(10, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }
}
