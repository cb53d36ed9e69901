package dev.headroom.model.sql;

/** The way a SQL ledger reads a balance. */
public enum BalanceRead {
    /** {@code SELECT SUM(...)} over every row of the user, so the read grows with the rows. */
    SUM_ROWS,
    /** One row per user holding the running balance, updated with each appended row. */
    RUNNING_BALANCE
}
