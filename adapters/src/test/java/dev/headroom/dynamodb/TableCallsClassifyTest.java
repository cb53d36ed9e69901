package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.retry.FailureKind;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class TableCallsClassifyTest {

    @Test
    void damagedResponse_isTransient() {
        assertEquals(FailureKind.TRANSIENT, TableCalls.classify(
                Crc32MismatchException.builder().message("CRC32 mismatch").build()));
    }

    @Test
    void clientFailure_transientOnlyWhenCausedByIo() {
        assertEquals(FailureKind.TRANSIENT, TableCalls.classify(SdkClientException.builder()
                .message("reset").cause(new IOException("connection reset")).build()));
        assertEquals(FailureKind.PERMANENT, TableCalls.classify(SdkClientException.builder()
                .message("no credentials").build()));
    }

    @Test
    void serviceFailure_transientOnlyFrom5xx() {
        assertEquals(FailureKind.TRANSIENT, TableCalls.classify(DynamoDbException.builder()
                .message("internal").statusCode(500).build()));
        assertEquals(FailureKind.PERMANENT, TableCalls.classify(DynamoDbException.builder()
                .message("validation").statusCode(400).build()));
    }
}
