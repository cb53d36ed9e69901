package dev.headroom.sheets.emulator;

import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.JsonParser;
import com.google.api.client.json.JsonToken;
import com.google.api.client.json.gson.GsonFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads request bodies into, and writes responses from, the Sheets client library's own model
 * classes, so that field names match what the client sends and expects.
 */
final class Json {

    private static final JsonFactory FACTORY = GsonFactory.getDefaultInstance();

    private Json() {
    }

    /**
     * Parses a body into a model class; an empty body gives an empty instance.
     *
     * @throws ApiException with Google's {@code Invalid JSON payload received} text
     */
    static <T> T parse(String body, Class<T> type) {
        try {
            if (body.isBlank()) {
                return type.getDeclaredConstructor().newInstance();
            }
            requireComplete(body);
            return FACTORY.fromString(body, type);
        } catch (IOException | IllegalArgumentException invalid) {
            throw ApiException.invalidArgument("Invalid JSON payload received. "
                    + invalid.getMessage());
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException("Cannot create " + type.getName(), unexpected);
        }
    }

    /**
     * Rejects a body that ends inside an object or array. The client library's parser reports
     * the end of input as a null token, which its model binding then dereferences, so a
     * truncated body would otherwise fail with a NullPointerException.
     */
    private static void requireComplete(String body) throws IOException {
        JsonParser parser = FACTORY.createJsonParser(body);
        int depth = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            }
            if (depth == 0) {
                return;
            }
        }
        throw new EOFException("Unexpected end of string.");
    }

    /** Writes a model object or a map as compact JSON. */
    static String write(Object value) {
        try {
            return FACTORY.toString(value);
        } catch (IOException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }
}
