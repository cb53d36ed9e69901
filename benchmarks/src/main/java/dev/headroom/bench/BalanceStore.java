package dev.headroom.bench;

import java.io.IOException;

/** Storage that holds the ledger history which {@link BalanceBenchmark} reads. */
public enum BalanceStore {
    /** {@link ArrayLedger}: primitive arrays in the benchmark's heap. */
    MEMORY,
    /** The JDBC ledger on a SQLite file in WAL mode. */
    SQLITE,
    /** The JDBC ledger on an embedded PostgreSQL server on 127.0.0.1. */
    POSTGRESQL;

    /** Creates the store, loads {@code history} and stores the measured user's snapshot. */
    BalanceReads load(BalanceHistory history) throws IOException {
        if (this == MEMORY) {
            ArrayLedger memory = new ArrayLedger();
            history.rows().forEach(memory::record);
            memory.snapshot(history.targetEmail(), history.cutoff());
            return memory;
        }
        JdbcBalanceReads jdbc = this == SQLITE
                ? JdbcBalanceReads.sqlite() : JdbcBalanceReads.postgresql();
        try {
            jdbc.load(history.rows());
            jdbc.snapshot(history.targetEmail(), history.cutoff());
            return jdbc;
        } catch (RuntimeException e) {
            jdbc.close();
            throw e;
        }
    }
}
