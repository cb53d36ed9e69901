package dev.headroom.scenario;

/** Designs for reading a balance, in the DynamoDB and SQL backends. */
public enum BalanceDesign {
    /**
     * The plan's design: read every row of the user (a DynamoDB Query, a SQL {@code SUM}) and
     * add them up.
     */
    QUERY_SUM,
    /** Read one running-balance item or row, kept in step with each appended row. */
    RUNNING_BALANCE
}
