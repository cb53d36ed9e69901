package dev.headroom.dynamodb;

/** Scheme by which {@link DynamoDbLedger} keeps a user's balance. */
public enum BalanceDesign {
    /**
     * No balance item: a balance read is a Query over all of the user's log items, following
     * every 1 MB page, summed in the client. One write per transaction, but the read cost grows
     * with the user's history. Admission checks and then writes in two calls, so it is
     * {@link dev.headroom.ledger.AdmissionGuarantee#BEST_EFFORT}.
     */
    QUERY_SUM,
    /**
     * A balance item per user kept exactly in step with the log items by conditional writes,
     * so a balance read is one GetItem and admission is one conditional update
     * ({@link dev.headroom.ledger.AdmissionGuarantee#ATOMIC}). Each transaction costs two reads
     * and three writes; {@link RunningBalance} explains why.
     */
    RUNNING_BALANCE
}
