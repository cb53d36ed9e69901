package dev.headroom.dynamodb;

import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.retry.Retrier;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the ledger table in on-demand mode when it is missing and waits until it is active.
 * Each call goes through the ledger's retrier, so a throttled, 5xx or lost response is retried
 * like that of any other call.
 */
final class LedgerTableSetup {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerTableSetup.class);
    static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(2);

    private LedgerTableSetup() {
    }

    static void ensureTable(DynamoDbClient client, Retrier retrier, String table,
            Duration activeTimeout) {
        if (status(client, retrier, table) == null) {
            create(client, retrier, table);
        }
        awaitActive(client, retrier, table, activeTimeout);
    }

    private static void create(DynamoDbClient client, Retrier retrier, String table) {
        CreateTableRequest request = CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(LedgerItems.EMAIL),
                        attribute(LedgerItems.SORT_KEY))
                .keySchema(
                        KeySchemaElement.builder().attributeName(LedgerItems.EMAIL)
                                .keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(LedgerItems.SORT_KEY)
                                .keyType(KeyType.RANGE).build())
                .build();
        retrier.execute("CreateTable", table, () -> {
            try {
                client.createTable(request);
                LOG.info("Created DynamoDB table {}", table);
            } catch (ResourceInUseException alreadyCreated) {
                // Another process created it, or an attempt of this call whose response was lost.
                LOG.info("DynamoDB table {} exists, created by another process or by an earlier"
                        + " attempt", table);
            }
            return null;
        });
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static void awaitActive(DynamoDbClient client, Retrier retrier, String table,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long waitMillis = 50;
        while (true) {
            TableStatus status = status(client, retrier, table);
            if (status == TableStatus.ACTIVE) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException("DynamoDB table " + table + " is " + status
                        + " and did not become ACTIVE within " + timeout.toMillis()
                        + " ms", null);
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while waiting for table "
                        + table, e);
            }
            waitMillis = Math.min(1_000, waitMillis * 2);
        }
    }

    private static TableStatus status(DynamoDbClient client, Retrier retrier, String table) {
        return retrier.execute("DescribeTable", table, () -> {
            try {
                return client.describeTable(builder -> builder.tableName(table)).table()
                        .tableStatus();
            } catch (ResourceNotFoundException missing) {
                return null;
            }
        });
    }
}
