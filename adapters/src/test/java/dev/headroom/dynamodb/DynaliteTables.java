package dev.headroom.dynamodb;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Ledgers and a raw client for tests, all pointed at a dynalite endpoint on loopback. */
final class DynaliteTables {

    static final String REGION = "us-east-1";
    static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();

    private DynaliteTables() {
    }

    /** Returns a table name that no earlier test of this JVM used. */
    static String freshTableName(String prefix) {
        return prefix + "-" + TABLE_COUNTER.incrementAndGet();
    }

    /** Returns a ledger builder for {@code endpoint} with dummy credentials. */
    static DynamoDbLedger.Builder ledger(URI endpoint, BalanceDesign design, String table) {
        return DynamoDbLedger.builder()
                .endpoint(endpoint)
                .region(REGION)
                .credentials(DUMMY_CREDENTIALS)
                .design(design)
                .tableName(table);
    }

    /** Returns a plain client for {@code endpoint}, without retries, for checks and clean-up. */
    static DynamoDbClient rawClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(DUMMY_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Deletes the table if it exists, so dynalite frees its memory. */
    static void dropTable(URI endpoint, String table) {
        try (DynamoDbClient client = rawClient(endpoint)) {
            client.deleteTable(builder -> builder.tableName(table));
        } catch (ResourceNotFoundException alreadyGone) {
            // Nothing to free.
        }
    }
}
