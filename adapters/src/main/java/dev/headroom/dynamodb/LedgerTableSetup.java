package dev.headroom.dynamodb;

import dev.headroom.ledger.StoreUnavailableException;
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

/** Creates the ledger table in on-demand mode when it is missing and waits until it is active. */
final class LedgerTableSetup {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerTableSetup.class);
    static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(2);

    private LedgerTableSetup() {
    }

    static void ensureTable(DynamoDbClient client, String table, Duration activeTimeout) {
        if (status(client, table) == null) {
            create(client, table);
        }
        awaitActive(client, table, activeTimeout);
    }

    private static void create(DynamoDbClient client, String table) {
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
        try {
            client.createTable(request);
            LOG.info("Created DynamoDB table {}", table);
        } catch (ResourceInUseException alreadyCreated) {
            LOG.info("DynamoDB table {} was created by another process", table);
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static void awaitActive(DynamoDbClient client, String table, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long waitMillis = 50;
        while (true) {
            TableStatus status = status(client, table);
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

    private static TableStatus status(DynamoDbClient client, String table) {
        try {
            return client.describeTable(builder -> builder.tableName(table)).table().tableStatus();
        } catch (ResourceNotFoundException missing) {
            return null;
        }
    }
}
