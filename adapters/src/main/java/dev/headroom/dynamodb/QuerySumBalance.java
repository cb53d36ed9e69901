package dev.headroom.dynamodb;

import dev.headroom.dynamodb.TableCalls.WriteResult;
import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.Transaction;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@link BalanceDesign#QUERY_SUM}: a transaction is one conditional PutItem of its log item, and
 * a balance is the sum of a strongly consistent Query over every page of the user's log items.
 *
 * <p>Admission reads the balance and then writes in a second call, so two admissions that run
 * at the same time can both see the same credit: with {@code k} concurrent admissions of amount
 * {@code a}, the balance can end up to {@code (k - 1) * a} below zero.
 */
final class QuerySumBalance implements BalanceStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(QuerySumBalance.class);

    private final TableCalls calls;
    private final LogReader reader;
    private final LedgerItems items;
    private final String table;

    QuerySumBalance(TableCalls calls, LogReader reader, LedgerItems items, String table) {
        this.calls = calls;
        this.reader = reader;
        this.items = items;
        this.table = table;
    }

    /**
     * Puts the log item unless it exists. When the put's response was lost and its retry finds
     * the item, the item is this call's if it equals the one sent, {@code recordedAt} included,
     * and the call returns {@link RecordOutcome#RECORDED}.
     */
    @Override
    public RecordOutcome record(Transaction transaction) {
        Map<String, AttributeValue> item = items.logItem(transaction, 0);
        PutItemRequest request = PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", LedgerItems.SORT_KEY))
                .build();
        WriteResult result = calls.put(transaction.transactionId(), request);
        if (result.applied()) {
            return RecordOutcome.RECORDED;
        }
        if (result == WriteResult.CONDITION_FAILED_AFTER_LOST_RESPONSE
                && item.equals(reader.item(transaction))) {
            LOG.info("The put of {} for {} lost its response but was stored; it counts as"
                    + " recorded by this call", transaction.transactionId(),
                    transaction.userEmail());
            return RecordOutcome.RECORDED;
        }
        return RecordOutcome.DUPLICATE;
    }

    @Override
    public long balanceMicros(String userEmail) {
        return reader.sumDeltas(userEmail);
    }

    @Override
    public AdmissionOutcome admit(Transaction usage) {
        // Sum before the duplicate check, so that a concurrent call of the same id that spent
        // the balance first is found and reported as a duplicate, not as an uncovered amount.
        long balance = reader.sumDeltas(usage.userEmail());
        if (reader.exists(usage)) {
            return AdmissionOutcome.DUPLICATE;
        }
        if (balance < usage.amountMicros()) {
            return AdmissionOutcome.INSUFFICIENT_BALANCE;
        }
        return record(usage) == RecordOutcome.RECORDED
                ? AdmissionOutcome.ADMITTED : AdmissionOutcome.DUPLICATE;
    }

    @Override
    public boolean repair(String userEmail) {
        return false;
    }

    @Override
    public AdmissionGuarantee guarantee() {
        return AdmissionGuarantee.BEST_EFFORT;
    }
}
