package dev.headroom.sheets.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The decoded parameters of a request's query string; a name may repeat. */
final class QueryParameters {

    private final Map<String, List<String>> values = new HashMap<>();

    /**
     * Parses a raw (still percent-encoded) query string, or null for none.
     *
     * @throws ApiException with 400 {@code INVALID_ARGUMENT} when an escape is malformed
     */
    QueryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    /** Returns the first value of a parameter, or null when it is absent. */
    String first(String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.get(0);
    }

    /** Returns the names of the parameters, in no particular order. */
    Set<String> names() {
        return values.keySet();
    }

    /** Returns every value of a parameter, in order; empty when it is absent. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * Decodes one form-encoded name or value. The JDK's server rejects a malformed escape in a
     * URL before the emulator sees it, but the parameters of an overridden GET arrive in the
     * body, which only this decoding checks.
     *
     * @throws ApiException with 400 {@code INVALID_ARGUMENT} when an escape is malformed
     */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ApiException.invalidArgument("Invalid request parameters: '" + text
                    + "' is not valid form encoding (" + malformed.getMessage() + ").");
        }
    }
}
