package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.TransactionKind;
import dev.headroom.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The ledger against dynalite on what the contract cannot see: balances over several 1 MB
 * Query pages, the consumed capacity it records, and bounded, counted retries.
 */
class DynaliteCapacityTest {

    @RegisterExtension
    static final DynaliteTable DYNALITE = new DynaliteTable();

    private static final String EMAIL = "heavy@example.com";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** A model name this long makes each log item about 20 KB, so few writes fill megabytes. */
    private static final String LONG_MODEL = "m".repeat(20_000);

    private DynamoDbLedger open(BalanceDesign design) {
        return DYNALITE.ledger(design, "capacity").build();
    }

    private static Transaction bigUsage(int i) {
        return new Transaction("u-" + i, EMAIL, T0.plusSeconds(i), TransactionKind.USAGE,
                LONG_MODEL, 1_000 + i, 2_000 + i, 1 + 37L * i, 500);
    }

    @Test
    void balance_overSeveralPages_isExactSum() {
        try (DynamoDbLedger ledger = open(BalanceDesign.QUERY_SUM)) {
            long expected = 9_000_000;
            ledger.record(Transaction.credit("c-0", EMAIL, T0, expected));
            for (int i = 1; i <= 200; i++) {
                Transaction row = bigUsage(i);
                ledger.record(row);
                expected += row.balanceDeltaMicros();
            }
            long readCallsBefore = ledger.capacity().readCalls();

            long balance = ledger.balanceMicros(EMAIL);

            long pages = ledger.capacity().readCalls() - readCallsBefore;
            assertEquals(expected, balance);
            assertTrue(pages >= 4, "about 4 MB of items must take at least 4 pages, took "
                    + pages);
            assertEquals(201, ledger.transactions(EMAIL, Instant.MIN, Instant.MAX).size());
        }
    }

    @Test
    void queryPages_chargeAsCapacityUnitsComputes() {
        try (DynamoDbLedger ledger = open(BalanceDesign.QUERY_SUM)) {
            for (int i = 1; i <= 120; i++) {
                ledger.record(bigUsage(i));
            }
        }
        try (DynamoDbClient client = DynaliteTables.rawClient(DYNALITE.endpoint())) {
            QueryRequest request = QueryRequest.builder()
                    .tableName(DYNALITE.table())
                    .keyConditionExpression("email = :email")
                    .expressionAttributeValues(Map.of(":email", AttributeValue.fromS(EMAIL)))
                    .consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build();
            int pages = 0;
            while (true) {
                QueryResponse page = client.query(request);
                pages++;
                long pageBytes = 0;
                for (Map<String, AttributeValue> item : page.items()) {
                    pageBytes += CapacityUnits.itemBytes(item);
                }
                assertEquals(CapacityUnits.pageReadHalfUnits(pageBytes, ReadConsistency.STRONG),
                        CapacityUnits.toHalfUnits(page.consumedCapacity().capacityUnits()),
                        "page " + pages + " of " + pageBytes + " bytes");
                if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
            }
            assertTrue(pages >= 2, "expected several pages, got " + pages);
        }
    }

    @Test
    void writeUnits_matchDynalite() {
        try (DynamoDbLedger ledger = open(BalanceDesign.QUERY_SUM);
                DynamoDbClient client = DynaliteTables.rawClient(DYNALITE.endpoint())) {
            for (int size : List.of(1, 900, 1_000, 1_024, 1_025, 4_096, 5_000, 100_000)) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("email", AttributeValue.fromS("w@example.com"));
                item.put("sk", AttributeValue.fromS("T#" + size));
                item.put("n", AttributeValue.fromN("-12.5"));
                item.put("pad", AttributeValue.fromS("x".repeat(size)));
                long bytes = CapacityUnits.itemBytes(item);

                double reported = client.putItem(builder -> builder.tableName(DYNALITE.table())
                        .item(item).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                        .consumedCapacity().capacityUnits();

                assertEquals(CapacityUnits.writeUnits(bytes, WriteMode.STANDARD), reported,
                        "item of " + bytes + " bytes");
            }
        }
    }

    @Test
    void capacity_recordedPerCall() {
        try (DynamoDbLedger ledger = open(BalanceDesign.RUNNING_BALANCE)) {
            ledger.record(Transaction.credit("c-1", EMAIL, T0, 500));
            long readsBefore = ledger.capacity().readHalfUnits();

            ledger.balanceMicros(EMAIL);

            // One strongly consistent GetItem of a small balance item: one read unit.
            assertEquals(2, ledger.capacity().readHalfUnits() - readsBefore);
            assertTrue(ledger.capacity().writeUnits() >= 3,
                    "commit, log item and clear are three writes, saw "
                            + ledger.capacity().writeUnits());
            assertTrue(ledger.metrics().bytes() > 0, "payload bytes were not counted");
        }
    }

    @Test
    void unreachableStore_retriesBoundedAndCounted() {
        DynaliteServer doomed = DynaliteServer.start();
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(4)
                .sleeper(duration -> { })
                .maxElapsed(Duration.ofMinutes(1))
                .build();
        try (DynamoDbLedger ledger = DynaliteTables.ledger(doomed.endpoint(),
                BalanceDesign.QUERY_SUM, "doomed-table").retryPolicy(policy).build()) {
            doomed.close();
            long callsBefore = ledger.metrics().calls();

            StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                    () -> ledger.balanceMicros(EMAIL));

            assertTrue(error.getMessage().contains("after 4 attempts"), error.getMessage());
            assertEquals(3, ledger.metrics().retries());
            assertEquals(4, ledger.metrics().calls() - callsBefore);
        }
    }
}
