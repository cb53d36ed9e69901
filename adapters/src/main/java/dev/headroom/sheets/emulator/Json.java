package dev.headroom.sheets.emulator;

import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
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
            return FACTORY.fromString(body, type);
        } catch (IOException | IllegalArgumentException invalid) {
            throw ApiException.invalidArgument("Invalid JSON payload received. "
                    + invalid.getMessage());
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException("Cannot create " + type.getName(), unexpected);
        }
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
