package dev.headroom.dynamodb;

import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.retry.FailureKind;
import dev.headroom.retry.Retrier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
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
 * A write whose condition fails returns a {@link WriteResult} instead of throwing.
 */
final class TableCalls {

    /** Outcome of a conditional write. */
    enum WriteResult {
        /** The write was applied. */
        APPLIED,
        /** The condition failed, and no earlier attempt of the call can have been applied. */
        CONDITION_FAILED,
        /**
         * The condition failed on a retry after an attempt whose response was lost (an I/O
         * failure or a 5xx). That attempt may have been applied, and the condition then fails
         * because of it, so the caller must check what is stored.
         */
        CONDITION_FAILED_AFTER_LOST_RESPONSE;

        boolean applied() {
            return this == APPLIED;
        }
    }

    /** Maximum number of causes searched for an I/O failure, since a chain of causes can loop. */
    private static final int MAX_CAUSE_DEPTH = 16;

    private final DynamoDbClient client;
    private final Retrier retrier;
    private final CapacityMeter meter;

    TableCalls(DynamoDbClient client, Retrier retrier, CapacityMeter meter) {
        this.client = client;
        this.retrier = retrier;
        this.meter = meter;
    }

    /**
     * Classifies a DynamoDB client failure for the retrier. A client-side failure is transient
     * only when it comes from I/O or an attempt timeout. Others, such as credentials that
     * cannot be loaded, fail the same way on every attempt.
     */
    static FailureKind classify(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return FailureKind.THROTTLED;
            }
            return service.statusCode() >= 500 ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
        }
        if (failure instanceof SdkClientException client && isIoFailure(client)) {
            return FailureKind.TRANSIENT;
        }
        return FailureKind.PERMANENT;
    }

    /**
     * Returns whether a client failure is a timed-out attempt, a damaged response or was caused
     * by I/O, such as a refused or broken connection.
     */
    private static boolean isIoFailure(SdkClientException failure) {
        // A checksum mismatch means the response was damaged on the way, so a retry can
        // succeed. A write that such a response hid is settled as for any lost response.
        if (failure instanceof RetryableException
                || failure instanceof ApiCallAttemptTimeoutException
                || failure instanceof Crc32MismatchException) {
            return true;
        }
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
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

    /** Makes a PutItem and returns whether it was applied or its condition failed. */
    WriteResult put(String id, PutItemRequest request) {
        PutItemRequest withCapacity = request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        AtomicBoolean lostResponse = new AtomicBoolean();
        try {
            PutItemResponse response = run("PutItem", id, lostResponse,
                    () -> client.putItem(withCapacity));
            meter.recordWrite(response.consumedCapacity());
            return WriteResult.APPLIED;
        } catch (ConditionalCheckFailedException conditionFailed) {
            return conditionFailed(lostResponse);
        }
    }

    /** Makes an UpdateItem and returns whether it was applied or its condition failed. */
    WriteResult update(String id, UpdateItemRequest request) {
        UpdateItemRequest withCapacity = request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        AtomicBoolean lostResponse = new AtomicBoolean();
        try {
            UpdateItemResponse response = run("UpdateItem", id, lostResponse,
                    () -> client.updateItem(withCapacity));
            meter.recordWrite(response.consumedCapacity());
            return WriteResult.APPLIED;
        } catch (ConditionalCheckFailedException conditionFailed) {
            return conditionFailed(lostResponse);
        }
    }

    private static WriteResult conditionFailed(AtomicBoolean lostResponse) {
        return lostResponse.get()
                ? WriteResult.CONDITION_FAILED_AFTER_LOST_RESPONSE
                : WriteResult.CONDITION_FAILED;
    }

    private <T> T run(String operation, String id, java.util.concurrent.Callable<T> call) {
        return run(operation, id, new AtomicBoolean(), call);
    }

    /**
     * Runs the call under the retrier; sets {@code lostResponse} when an attempt failed in a
     * way that may hide its success, so that a write's caller can tell a condition that failed
     * because of its own earlier attempt.
     */
    private <T> T run(String operation, String id, AtomicBoolean lostResponse,
            java.util.concurrent.Callable<T> call) {
        try {
            return retrier.execute(operation, id, () -> {
                try {
                    return call.call();
                } catch (Exception e) {
                    if (classify(e) == FailureKind.TRANSIENT) {
                        lostResponse.set(true);
                    }
                    throw e;
                }
            });
        } catch (ConditionalCheckFailedException conditionFailed) {
            throw conditionFailed;
        } catch (DynamoDbException e) {
            throw translate(operation, id, e);
        } catch (SdkException e) {
            throw new StoreUnavailableException(operation + " for " + id + " failed in the"
                    + " client: " + e.getMessage() + "; check the credentials and the client"
                    + " settings", e);
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
