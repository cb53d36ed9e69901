package dev.headroom.sheets.emulator;

import dev.headroom.sheets.limits.RequestKind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A request's method and path mapped to one API operation, with the spreadsheet id and the A1
 * range decoded from the path. Tab titles in a range arrive percent-encoded, quotes included.
 *
 * @param operation the API method
 * @param spreadsheetId the spreadsheet id, or null for {@code create}
 * @param range the decoded A1 range, or null when the path has none
 */
record Route(Operation operation, String spreadsheetId, String range) {

    /**
     * The API methods the emulator implements, each with its quota class and the query
     * parameters that Google's API reference defines for it (read 2026-12 from
     * https://developers.google.com/workspace/sheets/api/reference/rest).
     */
    enum Operation {
        CREATE(RequestKind.WRITE),
        GET(RequestKind.READ, "includeGridData", "ranges", "excludeTablesInBandedRanges"),
        BATCH_UPDATE(RequestKind.WRITE),
        VALUES_GET(RequestKind.READ, "majorDimension", "valueRenderOption",
                "dateTimeRenderOption"),
        VALUES_BATCH_GET(RequestKind.READ, "ranges", "majorDimension", "valueRenderOption",
                "dateTimeRenderOption"),
        VALUES_UPDATE(RequestKind.WRITE, "valueInputOption", "includeValuesInResponse",
                "responseValueRenderOption", "responseDateTimeRenderOption"),
        VALUES_APPEND(RequestKind.WRITE, "valueInputOption", "insertDataOption",
                "includeValuesInResponse", "responseValueRenderOption",
                "responseDateTimeRenderOption"),
        VALUES_CLEAR(RequestKind.WRITE);

        /**
         * The parameters that every Google API method takes, such as {@code fields}, which the
         * Java client sends for a partial response.
         */
        private static final Set<String> SYSTEM_PARAMETERS = Set.of("$.xgafv", "access_token",
                "alt", "callback", "fields", "key", "oauth_token", "prettyPrint", "quotaUser",
                "upload_protocol", "uploadType", "userIp");

        private final RequestKind kind;
        private final Set<String> parameters;

        Operation(RequestKind kind, String... parameters) {
            this.kind = kind;
            this.parameters = Set.of(parameters);
        }

        RequestKind kind() {
            return kind;
        }

        /** Returns whether the method takes a query parameter of this name. */
        boolean takes(String parameter) {
            return parameters.contains(parameter) || SYSTEM_PARAMETERS.contains(parameter);
        }
    }

    private static final String PREFIX = "/v4/spreadsheets";
    private static final String VALUES = "/values/";

    /**
     * Maps a method and raw path to an operation.
     *
     * @throws ApiException with 404 when the emulator implements no such call
     */
    static Route parse(String method, String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            throw unknown(method, rawPath);
        }
        String rest = rawPath.substring(PREFIX.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return expect(method, "POST", new Route(Operation.CREATE, null, null), rawPath);
        }
        if (!rest.startsWith("/")) {
            throw unknown(method, rawPath);
        }
        rest = rest.substring(1);
        int slash = rest.indexOf('/');
        String head = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash);
        if (tail.isEmpty()) {
            return spreadsheetRoute(method, head, rawPath);
        }
        String id = decode(head);
        if (tail.equals("/values:batchGet")) {
            return expect(method, "GET", new Route(Operation.VALUES_BATCH_GET, id, null), rawPath);
        }
        if (tail.startsWith(VALUES) && tail.length() > VALUES.length()) {
            return valuesRoute(method, id, tail.substring(VALUES.length()), rawPath);
        }
        throw unknown(method, rawPath);
    }

    private static Route spreadsheetRoute(String method, String head, String rawPath) {
        String batch = ":batchUpdate";
        if (head.endsWith(batch)) {
            String id = decode(head.substring(0, head.length() - batch.length()));
            return expect(method, "POST", new Route(Operation.BATCH_UPDATE, id, null), rawPath);
        }
        return expect(method, "GET", new Route(Operation.GET, decode(head), null), rawPath);
    }

    private static Route valuesRoute(String method, String id, String rawRange,
            String rawPath) {
        for (String verb : List.of(":append", ":clear")) {
            if (method.equals("POST") && rawRange.endsWith(verb)) {
                String range = decode(rawRange.substring(0, rawRange.length() - verb.length()));
                Operation operation = verb.equals(":append")
                        ? Operation.VALUES_APPEND : Operation.VALUES_CLEAR;
                return new Route(operation, id, range);
            }
        }
        if (method.equals("GET")) {
            return new Route(Operation.VALUES_GET, id, decode(rawRange));
        }
        return expect(method, "PUT", new Route(Operation.VALUES_UPDATE, id, decode(rawRange)),
                rawPath);
    }

    private static Route expect(String method, String expected, Route route, String rawPath) {
        if (!method.equals(expected)) {
            throw unknown(method, rawPath);
        }
        return route;
    }

    /** Decodes percent escapes in a path segment; a {@code +} stays a plus sign. */
    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ApiException unknown(String method, String rawPath) {
        return new ApiException(404, "NOT_FOUND", "notFound", "The Sheets emulator implements"
                + " no " + method + " " + rawPath + "; see docs/sheets-emulator.md for the"
                + " supported calls.", List.of());
    }
}
