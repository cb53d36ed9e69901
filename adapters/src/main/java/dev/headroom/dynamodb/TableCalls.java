package dev.headroom.dynamodb;

import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.retry.FailureKind;
import dev.headroom.retry.Retrier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The ledger's DynamoDB calls: each one requests the consumed capacity, goes through the
 * retrier, records its capacity in the meter, and turns client errors into ledger errors.
 * A write whose condition fails returns {@code false} instead of throwing.
 */
final class TableCalls {

    private final DynamoDbClient client;
    private final Retrier retrier;
    private final CapacityMeter meter;

    TableCalls(DynamoDbClient client, Retrier retrier, CapacityMeter meter) {
        this.client = client;
        this.retrier = retrier;
        this.meter = meter;
    }

    /** Classifies a DynamoDB client failure for the retrier. */
    static FailureKind classify(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return FailureKind.THROTTLED;
            }
            return service.statusCode() >= 500 ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
        }
        if (failure instanceof SdkClientException) {
            return FailureKind.TRANSIENT;
        }
        return FailureKind.PERMANENT;
    }

    GetItemResponse get(String id, GetItemRequest request) {
        GetItemRequest withCapacity = request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        GetItemResponse response = run("GetItem", id, () -> client.getItem(withCapacity));
        meter.recordRead(response.consumedCapacity());
        return response;
    }

    QueryResponse query(String id, QueryRequest request) {
        QueryRequest withCapacity = request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        QueryResponse response = run("Query", id, () -> client.query(withCapacity));
        meter.recordRead(response.consumedCapacity());
        return response;
    }

    ScanResponse scan(String id, ScanRequest request) {
        ScanRequest withCapacity = request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        ScanResponse response = run("Scan", id, () -> client.scan(withCapacity));
        meter.recordRead(response.consumedCapacity());
        return response;
    }

    /** Makes a PutItem; returns {@code false} when its condition expression failed. */
    boolean put(String id, PutItemRequest request) {
        PutItemRequest withCapacity = request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        try {
            PutItemResponse response = run("PutItem", id, () -> client.putItem(withCapacity));
            meter.recordWrite(response.consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException conditionFailed) {
            return false;
        }
    }

    /** Makes an UpdateItem; returns {@code false} when its condition expression failed. */
    boolean update(String id, UpdateItemRequest request) {
        UpdateItemRequest withCapacity = request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        try {
            UpdateItemResponse response =
                    run("UpdateItem", id, () -> client.updateItem(withCapacity));
            meter.recordWrite(response.consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException conditionFailed) {
            return false;
        }
    }

    private <T> T run(String operation, String id, java.util.concurrent.Callable<T> call) {
        try {
            return retrier.execute(operation, id, call::call);
        } catch (ConditionalCheckFailedException conditionFailed) {
            throw conditionFailed;
        } catch (DynamoDbException e) {
            throw translate(operation, id, e);
        }
    }

    private static RuntimeException translate(String operation, String id, DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        if ("ValidationException".equals(code)) {
            return new InvalidInputException(operation + " for " + id + " was rejected by"
                    + " DynamoDB as invalid: " + e.getMessage(), e);
        }
        return new StoreUnavailableException(operation + " for " + id + " failed with "
                + code + ": " + e.getMessage(), e);
    }
}
