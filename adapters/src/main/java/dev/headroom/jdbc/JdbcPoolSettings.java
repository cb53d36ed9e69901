package dev.headroom.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the connection pool that {@link JdbcLedger#open} creates.
 *
 * @param maxPoolSize maximum number of open connections, at least 1
 * @param connectionTimeout how long a call waits for a free connection before it fails
 * @param sqliteBusyTimeout how long a SQLite connection waits for another writer's lock before
 *     it fails with SQLITE_BUSY. The retry policy retries that failure. PostgreSQL ignores it.
 * @param sqliteJournal SQLite's journal mode: {@link SqliteJournal#WAL} for a file on a local
 *     disk, {@link SqliteJournal#DELETE} for one on a network file system such as Amazon EFS.
 *     PostgreSQL ignores it.
 */
public record JdbcPoolSettings(int maxPoolSize, Duration connectionTimeout,
        Duration sqliteBusyTimeout, SqliteJournal sqliteJournal) {

    /** Checks the settings and throws {@link IllegalArgumentException} naming the bad one. */
    public JdbcPoolSettings {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException(
                    "maxPoolSize is " + maxPoolSize + "; it must be at least 1");
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(sqliteBusyTimeout, "sqliteBusyTimeout");
        Objects.requireNonNull(sqliteJournal, "sqliteJournal");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout is " + connectionTimeout
                    + "; the pool needs at least 250 ms");
        }
        if (sqliteBusyTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "sqliteBusyTimeout is " + sqliteBusyTimeout + "; it must not be negative");
        }
    }

    /** Creates settings whose SQLite files use {@link SqliteJournal#WAL}, for a local disk. */
    public JdbcPoolSettings(int maxPoolSize, Duration connectionTimeout,
            Duration sqliteBusyTimeout) {
        this(maxPoolSize, connectionTimeout, sqliteBusyTimeout, SqliteJournal.WAL);
    }

    /**
     * Returns 10 connections, a 30 s connection timeout, a 5 s SQLite busy timeout and WAL mode
     * for SQLite files on a local disk.
     */
    public static JdbcPoolSettings defaults() {
        return new JdbcPoolSettings(10, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    /** Returns these settings with another SQLite journal mode. */
    public JdbcPoolSettings withSqliteJournal(SqliteJournal journal) {
        return new JdbcPoolSettings(maxPoolSize, connectionTimeout, sqliteBusyTimeout, journal);
    }
}
