package dev.headroom.jdbc;

/**
 * SQLite's journal mode for a ledger file, which decides where the file may live. The pool that
 * {@link JdbcLedger#open} creates sets it on every connection; SQLite keeps WAL mode in the file.
 * SQLite's page on WAL states that all processes using a WAL database must be on one host and
 * that WAL does not work over a network file system: https://www.sqlite.org/wal.html (read
 * 2026-12).
 */
public enum SqliteJournal {

    /**
     * Write-ahead log: readers do not wait for the writer. Every process that opens the file must
     * share memory with the others, so the file must be on a local disk of one host.
     */
    WAL,

    /**
     * Rollback journal, SQLite's default: a writer blocks readers while it commits. It works on a
     * network file system such as Amazon EFS, where WAL mode does not.
     */
    DELETE
}
