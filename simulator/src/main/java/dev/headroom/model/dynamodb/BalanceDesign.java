package dev.headroom.model.dynamodb;

/** The ledger's way of computing a user's balance, which sets what one balance read costs. */
public enum BalanceDesign {

    /**
     * The scaling plan's design: a Query over every item of the user's partition key, summed by
     * the caller, following each 1 MB page.
     */
    QUERY_ALL_ITEMS,

    /**
     * A running-balance item kept beside the log items: a balance read is one GetItem, and each
     * logged row also updates the balance item.
     */
    RUNNING_BALANCE
}
