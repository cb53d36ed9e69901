package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.retry.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleErrorsTest {

    private static HttpResponseException status(int code) {
        return new HttpResponseException.Builder(code, "status " + code, new HttpHeaders())
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "429, THROTTLED",
        "408, TRANSIENT",
        "500, TRANSIENT",
        "502, TRANSIENT",
        "503, TRANSIENT",
        "400, PERMANENT",
        "403, PERMANENT",
        "404, PERMANENT",
    })
    void httpStatus_isClassified(int code, FailureKind expected) {
        assertEquals(expected, GoogleErrors.INSTANCE.classify(status(code)));
    }

    @Test
    void otherFailures_areClassifiedByType() {
        assertEquals(FailureKind.TRANSIENT,
                GoogleErrors.INSTANCE.classify(new IOException("connection reset")));
        assertEquals(FailureKind.PERMANENT,
                GoogleErrors.INSTANCE.classify(new InvalidInputException("bad row")));
        assertEquals(FailureKind.PERMANENT,
                GoogleErrors.INSTANCE.classify(new IllegalStateException("bug")));
    }

    @Test
    void retryAfterHeader_isReadInSeconds() {
        HttpHeaders headers = new HttpHeaders().setRetryAfter("7");
        HttpResponseException throttled =
                new HttpResponseException.Builder(429, "Too Many Requests", headers).build();

        assertEquals(Optional.of(Duration.ofSeconds(7)),
                GoogleErrors.INSTANCE.retryAfter(throttled));
        assertEquals(Optional.empty(), GoogleErrors.INSTANCE.retryAfter(status(429)));
    }
}
