package dev.headroom.dynamodb;

import dev.headroom.ledger.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Strongly consistent reads of log items that both balance designs share. Every Query and
 * Scan follows {@code LastEvaluatedKey} until DynamoDB returns no more pages.
 */
final class LogReader {

    private final TableCalls calls;
    private final String table;

    LogReader(TableCalls calls, String table) {
        this.calls = calls;
        this.table = table;
    }

    /** Returns whether the transaction's log item is stored. */
    boolean exists(Transaction transaction) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(table)
                .key(LedgerItems.key(transaction.userEmail(),
                        LedgerItems.logSortKey(transaction)))
                .projectionExpression(LedgerItems.SORT_KEY)
                .consistentRead(true)
                .build();
        return calls.get(transaction.transactionId(), request).hasItem();
    }

    /** Returns the transaction's whole log item, or null when it is not stored. */
    Map<String, AttributeValue> item(Transaction transaction) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(table)
                .key(LedgerItems.key(transaction.userEmail(),
                        LedgerItems.logSortKey(transaction)))
                .consistentRead(true)
                .build();
        var response = calls.get(transaction.transactionId(), request);
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    /** Sums the signed amounts of all of the user's log items, in micro-dollars. */
    long sumDeltas(String userEmail) {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#email = :email AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#email", LedgerItems.EMAIL,
                        "#sk", LedgerItems.SORT_KEY, "#delta", LedgerItems.DELTA_MICROS))
                .expressionAttributeValues(Map.of(
                        ":email", AttributeValue.fromS(userEmail),
                        ":prefix", AttributeValue.fromS(LedgerItems.LOG_PREFIX)))
                .projectionExpression("#delta")
                .consistentRead(true)
                .build();
        long[] sum = {0};
        forEachItem(userEmail, request, item -> sum[0] = Math.addExact(sum[0],
                LedgerItems.longValue(item, LedgerItems.DELTA_MICROS)));
        return sum[0];
    }

    /**
     * Lists the user's transactions with {@code from <= timestamp < to}, oldest first. Equal
     * timestamps are ordered by sequence in the running-balance design, and by the recording
     * clock in the sum design.
     */
    List<Transaction> list(String userEmail, Instant from, Instant to) {
        String lowerKey = LedgerItems.lowerTimeKey(from);
        String upperKey = LedgerItems.upperTimeKey(to);
        if (lowerKey.compareTo(upperKey) >= 0) {
            return List.of();
        }
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#email = :email AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#email", LedgerItems.EMAIL,
                        "#sk", LedgerItems.SORT_KEY))
                .expressionAttributeValues(Map.of(
                        ":email", AttributeValue.fromS(userEmail),
                        ":from", AttributeValue.fromS(lowerKey),
                        ":to", AttributeValue.fromS(upperKey)))
                .consistentRead(true)
                .build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        forEachItem(userEmail, request, items::add);
        items.sort(Comparator
                .comparing((Map<String, AttributeValue> item) ->
                        Instant.parse(item.get(LedgerItems.TIMESTAMP).s()))
                .thenComparingLong(LedgerItems::sequence)
                .thenComparing(LedgerItems::recordedAt)
                .thenComparing(item -> item.get(LedgerItems.TRANSACTION_ID).s()));
        List<Transaction> transactions = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            transactions.add(LedgerItems.transaction(item));
        }
        return transactions;
    }

    /** Counts distinct emails over a Scan of the whole table; its cost grows with the table. */
    long countUsers() {
        Set<String> emails = new HashSet<>();
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .projectionExpression("#email")
                    .expressionAttributeNames(Map.of("#email", LedgerItems.EMAIL))
                    .consistentRead(true);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            ScanResponse page = calls.scan(table, request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                emails.add(item.get(LedgerItems.EMAIL).s());
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return emails.size();
    }

    private void forEachItem(String userEmail, QueryRequest first,
            Consumer<Map<String, AttributeValue>> action) {
        QueryRequest request = first;
        while (true) {
            QueryResponse page = calls.query(userEmail, request);
            page.items().forEach(action);
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }
}
