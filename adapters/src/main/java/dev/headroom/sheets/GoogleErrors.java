package dev.headroom.sheets;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.Retryable;
import dev.headroom.ledger.CapacityReachedException;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.LedgerException;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.retry.FailureClassifier;
import dev.headroom.retry.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies the failures of Sheets API calls for retries and maps the ones that retries cannot
 * fix to the ledger's typed errors.
 *
 * <p>Google's rules, read 2026-04-23 from https://developers.google.com/workspace/sheets/api/limits
 * unless stated otherwise: a call over a per-minute quota fails with HTTP 429 and status
 * {@code RESOURCE_EXHAUSTED}, and may succeed after the minute's refill. A change that would take
 * a workbook past its cell limit fails with HTTP 400 {@code INVALID_ARGUMENT} and the message
 * "This action would increase the number of cells in the workbook above the limit of 10000000
 * cells." (quoted in https://github.com/nithinmurali/pygsheets/issues/589, 2023-10). Server
 * errors (5xx) and lost connections are transient.
 */
final class GoogleErrors implements FailureClassifier {

    static final GoogleErrors INSTANCE = new GoogleErrors();

    private static final int TOO_MANY_REQUESTS = 429;
    private static final String CELL_LIMIT_TEXT = "above the limit of";

    private GoogleErrors() {
    }

    @Override
    public FailureKind classify(Throwable failure) {
        if (failure instanceof LedgerException) {
            return FailureKind.PERMANENT;
        }
        if (failure instanceof Retryable auth && !auth.isRetryable()) {
            // google-auth (1.58.0) marks a token request that its endpoint rejected, such as
            // a revoked key's invalid_grant, as not retryable, although it is an IOException.
            // It retries only 408, 429, 500 and 503 itself and marks every other status as not
            // retryable, 502 and 504 included, so the endpoint's status decides when it has one.
            return failure.getCause() instanceof HttpResponseException endpoint
                    ? classify(endpoint) : FailureKind.PERMANENT;
        }
        if (failure instanceof HttpResponseException response) {
            int status = response.getStatusCode();
            if (status == TOO_MANY_REQUESTS) {
                return FailureKind.THROTTLED;
            }
            return status >= 500 || status == 408 ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
        }
        return failure instanceof IOException ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
    }

    /** Returns the wait that a {@code Retry-After} header in seconds requested, if any. */
    @Override
    public Optional<Duration> retryAfter(Throwable failure) {
        if (failure instanceof HttpResponseException response) {
            String header = response.getHeaders().getRetryAfter();
            if (header != null && header.strip().matches("\\d{1,6}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether a failed write may have been applied all the same: true for transient
     * failures, whose response may have been lost after the server applied the change.
     */
    static boolean mayHaveApplied(Throwable failure) {
        return INSTANCE.classify(failure) == FailureKind.TRANSIENT;
    }

    /**
     * Converts a failure that no retry can fix into the ledger's typed error, or returns
     * {@code failure} unchanged when a retry might help.
     */
    static Exception toLedgerError(Exception failure, String operation) {
        if (!(failure instanceof HttpResponseException response)
                || INSTANCE.classify(failure) != FailureKind.PERMANENT) {
            return failure;
        }
        int status = response.getStatusCode();
        String message = googleMessage(response);
        String context = operation + " failed with HTTP " + status + ": " + message;
        if (status == 400 && message.contains(CELL_LIMIT_TEXT)
                && message.toLowerCase(Locale.ROOT).contains("cells")) {
            return new CapacityReachedException(CapacityReachedException.Limit.CELLS,
                    context + "; move users to another workbook or archive old rows", failure);
        }
        if (status == 400) {
            return new InvalidInputException(context, failure);
        }
        return new StoreUnavailableException(context + "; check the spreadsheet id and that the"
                + " credentials may edit the spreadsheet", failure);
    }

    /** Returns Google's error message, or the HTTP status text when the body had none. */
    static String googleMessage(HttpResponseException response) {
        if (response instanceof GoogleJsonResponseException json) {
            GoogleJsonError details = json.getDetails();
            if (details != null && details.getMessage() != null) {
                return details.getMessage();
            }
        }
        return String.valueOf(response.getStatusMessage());
    }
}
