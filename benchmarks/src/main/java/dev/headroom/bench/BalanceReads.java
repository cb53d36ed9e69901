package dev.headroom.bench;

import java.time.Instant;

/**
 * The three ways to read a user's balance that {@link BalanceBenchmark} compares, over one
 * store. Every method returns micro-dollars: credits add, usage subtracts.
 */
interface BalanceReads extends AutoCloseable {

    /** Returns the sum over all of the user's rows. */
    long sumAllRows(String email);

    /** Returns the stored running balance, kept in step with each row. */
    long runningBalance(String email);

    /** Returns the stored snapshot plus the rows from its cut-off on. */
    long snapshotPlusRecent(String email);

    /** Stores the user's snapshot of the rows stamped before {@code cutoff}. */
    void snapshot(String email, Instant cutoff);

    @Override
    void close() throws Exception;
}
