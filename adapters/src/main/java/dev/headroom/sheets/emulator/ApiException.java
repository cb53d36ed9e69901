package dev.headroom.sheets.emulator;

import java.util.List;
import java.util.Map;

/**
 * A failed call, carrying what the server sends back: the HTTP status code, Google's status
 * name, the message and any {@code details} entries of the error body.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String status;
    private final String reason;
    private final transient List<Map<String, Object>> details;

    ApiException(int code, String status, String reason, String message,
            List<Map<String, Object>> details) {
        super(message);
        this.code = code;
        this.status = status;
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    /** Returns a 400 {@code INVALID_ARGUMENT} error with the given message. */
    static ApiException invalidArgument(String message) {
        return new ApiException(400, "INVALID_ARGUMENT", "badRequest", message, List.of());
    }

    /** Returns Google's 404 for an unknown spreadsheet. */
    static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "notFound", "Requested entity was not found.",
                List.of());
    }

    int code() {
        return code;
    }

    String status() {
        return status;
    }

    /**
     * Returns the reason of the legacy {@code errors} entry, or null when the body carries none.
     */
    String reason() {
        return reason;
    }

    List<Map<String, Object>> details() {
        return details;
    }
}
