package dev.headroom.sheets.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.headroom.sheets.limits.Quota;
import dev.headroom.sheets.limits.QuotaDecision;
import dev.headroom.sheets.limits.QuotaWindows;
import dev.headroom.sheets.limits.SheetsLimitException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every request: maps it to an operation, charges the caller's quota, reads the
 * (possibly gzip-compressed) body within the payload limit, runs the call and writes Google's
 * JSON response or error body.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private final EmulatorConfig config;
    private final QuotaWindows quotas;
    private final SpreadsheetCalls spreadsheets;
    private final ValueCalls values;
    private final AtomicLong throttledCalls = new AtomicLong();

    ApiHandler(EmulatorConfig config) {
        this.config = config;
        this.quotas = new QuotaWindows(config.quotaLimits(), config.windowKind());
        WorkbookStore store = new WorkbookStore(config.cellLimit());
        this.spreadsheets = new SpreadsheetCalls(store);
        this.values = new ValueCalls(store, config.characterLimit());
    }

    long throttledCalls() {
        return throttledCalls.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = method(exchange);
        String path = exchange.getRequestURI().getRawPath();
        Identity identity = Identity.of(exchange.getRequestHeaders().getFirst("Authorization"));
        try {
            Route route = Route.parse(method, path);
            admit(identity, route);
            String body = readBody(exchange);
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (isOverridden(exchange) && method.equals("GET")) {
                // The parameters of an overridden GET arrive form-encoded in the body.
                rawQuery = rawQuery == null || rawQuery.isEmpty() ? body : rawQuery + "&" + body;
                body = "";
            }
            QueryParameters query = new QueryParameters(rawQuery);
            send(exchange, 200, dispatch(route, query, body));
        } catch (ApiException failure) {
            LOG.debug("{} {} by {} failed with {}: {}", method, path, identity.fingerprint(),
                    failure.code(), failure.getMessage());
            send(exchange, failure.code(), Json.write(errorBody(failure)));
        } catch (SheetsLimitException limit) {
            LOG.debug("{} {} by {} broke {}: {}", method, path, identity.fingerprint(),
                    limit.rule(), limit.getMessage());
            ApiException failure = ApiException.invalidArgument(limit.getMessage());
            send(exchange, 400, Json.write(errorBody(failure)));
        } catch (RuntimeException bug) {
            LOG.error("{} {} by {} failed inside the emulator", method, path,
                    identity.fingerprint(), bug);
            ApiException failure = new ApiException(500, "INTERNAL", "backendError",
                    "Internal error encountered.", List.of());
            send(exchange, 500, Json.write(errorBody(failure)));
        } finally {
            exchange.close();
        }
    }

    /**
     * Returns the request's method, or the method named by its {@value #METHOD_OVERRIDE} header
     * on a POST. The Java client (google-api-client 2.7.2, class {@code MethodOverride}) sends a
     * GET whose URL exceeds 2,048 characters as such a POST, with the query string as a
     * form-encoded body.
     */
    private static String method(HttpExchange exchange) {
        if (!isOverridden(exchange)) {
            return exchange.getRequestMethod();
        }
        return exchange.getRequestHeaders().getFirst(METHOD_OVERRIDE).toUpperCase(Locale.ROOT);
    }

    private static boolean isOverridden(HttpExchange exchange) {
        return exchange.getRequestMethod().equals("POST")
                && exchange.getRequestHeaders().getFirst(METHOD_OVERRIDE) != null;
    }

    private void admit(Identity identity, Route route) {
        QuotaDecision decision = quotas.tryAcquire(identity.name(), route.operation().kind(),
                config.clockMillis().getAsLong());
        if (decision.granted()) {
            return;
        }
        Quota quota = decision.rejectedBy().orElseThrow();
        throttledCalls.incrementAndGet();
        throw QuotaErrors.exhausted(quota, config.quotaLimits().limit(quota),
                config.projectNumber());
    }

    private String dispatch(Route route, QueryParameters query, String body) {
        rejectUnknownParameters(route.operation(), query);
        rejectUnsupportedParameters(route.operation(), query);
        String id = route.spreadsheetId();
        switch (route.operation()) {
            case CREATE:
                return spreadsheets.create(body);
            case GET:
                return spreadsheets.get(id);
            case BATCH_UPDATE:
                return spreadsheets.batchUpdate(id, body);
            case VALUES_GET:
                return values.get(id, route.range(), query);
            case VALUES_BATCH_GET:
                return values.batchGet(id, query);
            case VALUES_UPDATE:
                return values.update(id, route.range(), query, body);
            case VALUES_APPEND:
                return values.append(id, route.range(), query, body);
            default:
                return values.clear(id, route.range());
        }
    }

    /**
     * Rejects a query parameter that the method does not define, as Google's API front end
     * does, so that a misspelt option such as {@code valueRenderOptions} fails here as it would
     * against Google instead of being ignored.
     *
     * <p>NOTE: the text follows what Google's front end returns for other APIs; the exact text
     * Sheets sends is unverified.
     */
    private static void rejectUnknownParameters(Route.Operation operation,
            QueryParameters query) {
        for (String name : new TreeSet<>(query.names())) {
            if (!name.isEmpty() && !operation.takes(name)) {
                throw ApiException.invalidArgument("Invalid JSON payload received. Unknown name"
                        + " \"" + name + "\": Cannot bind query parameter. Field '" + name
                        + "' could not be found in request message.");
            }
        }
    }

    /**
     * Rejects the query parameters that would change what Google returns but that the emulator
     * does not implement, so that a caller is not silently given a different answer:
     * {@code includeGridData} and {@code ranges} of {@code spreadsheets.get}, and
     * {@code includeValuesInResponse} of {@code values.update} and {@code values.append}. The
     * value {@code false} asks for Google's default and is accepted.
     */
    private static void rejectUnsupportedParameters(Route.Operation operation,
            QueryParameters query) {
        if (operation == Route.Operation.GET) {
            rejectSet(query, "includeGridData", "spreadsheets.get");
            if (!query.all("ranges").isEmpty()) {
                throw unsupported("ranges", "spreadsheets.get", "read cells with values.get"
                        + " or values.batchGet");
            }
        } else if (operation == Route.Operation.VALUES_UPDATE
                || operation == Route.Operation.VALUES_APPEND) {
            rejectSet(query, "includeValuesInResponse",
                    operation == Route.Operation.VALUES_UPDATE ? "values.update" : "values.append");
        }
    }

    private static void rejectSet(QueryParameters query, String flag, String call) {
        for (String value : query.all(flag)) {
            if (!value.equalsIgnoreCase("false")) {
                throw unsupported(flag + "=" + value, call, "leave it out and read the cells"
                        + " with values.get");
            }
        }
    }

    private static ApiException unsupported(String parameter, String call, String remedy) {
        return ApiException.invalidArgument("The Sheets emulator does not implement " + parameter
                + " in " + call + "; " + remedy + ". See docs/sheets-emulator.md for the"
                + " supported calls.");
    }

    private String readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        boolean gzip = encoding != null && encoding.equalsIgnoreCase("gzip");
        byte[] bytes;
        try {
            if (gzip) {
                in = new GZIPInputStream(in);
            }
            bytes = in.readNBytes(config.maxRequestBytes() + 1);
        } catch (ZipException | EOFException notGzip) {
            // NOTE: Google's status and text for a body that is not gzip are unverified. This
            // returns the 400 INVALID_ARGUMENT that Google sends for invalid JSON.
            LOG.warn("{} {}: request body with Content-Encoding gzip is not valid gzip: {}",
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    notGzip.toString());
            throw ApiException.invalidArgument("Invalid request payload: the body is declared"
                    + " as gzip (Content-Encoding: gzip) but is not valid gzip data.");
        }
        if (bytes.length > config.maxRequestBytes()) {
            throw ApiException.invalidArgument("Request payload size exceeds the limit: "
                    + config.maxRequestBytes() + " bytes.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> errorBody(ApiException failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", failure.code());
        error.put("message", failure.getMessage());
        if (failure.reason() != null) {
            Map<String, Object> legacy = new LinkedHashMap<>();
            legacy.put("message", failure.getMessage());
            legacy.put("domain", "global");
            legacy.put("reason", failure.reason());
            error.put("errors", List.of(legacy));
        }
        error.put("status", failure.status());
        if (!failure.details().isEmpty()) {
            error.put("details", failure.details());
        }
        return Map.of("error", error);
    }

    /**
     * Writes the response. A HEAD request gets the status and headers without the body, as
     * HTTP requires; the JDK's server would otherwise log a warning for every HEAD request.
     */
    private static void send(HttpExchange exchange, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(code, -1);
            return;
        }
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
