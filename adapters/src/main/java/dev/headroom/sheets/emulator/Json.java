package dev.headroom.sheets.emulator;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.JsonParser;
import com.google.api.client.json.JsonToken;
import com.google.api.client.json.gson.GsonFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies into, and writes responses from, the Sheets client library's own model
 * classes, so that field names match what the client sends and expects.
 */
final class Json {

    private static final JsonFactory FACTORY = GsonFactory.getDefaultInstance();
    private static final Pattern POSITION = Pattern.compile(
            "\\s*at line (\\d+) column (\\d+)");

    private Json() {
    }

    /**
     * Parses a body into a model class; an empty body gives an empty instance. Content after the
     * top-level object and field names that the model does not define are rejected.
     *
     * @throws ApiException with Google's {@code Invalid JSON payload received} text
     */
    static <T> T parse(String body, Class<T> type) {
        try {
            if (body.isBlank()) {
                return type.getDeclaredConstructor().newInstance();
            }
            requireComplete(body);
            T parsed = FACTORY.fromString(body, type);
            requireKnownFields(parsed, "");
            return parsed;
        } catch (IOException malformed) {
            throw ApiException.invalidArgument("Invalid JSON payload received. "
                    + syntaxProblem(malformed));
        } catch (IllegalArgumentException wrongType) {
            throw ApiException.invalidArgument("Invalid JSON payload received. "
                    + fieldProblem(wrongType));
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException("Cannot create " + type.getName(), unexpected);
        }
    }

    /**
     * Rejects a body that ends inside an object or array, or that has more content after the
     * top-level object. The client library's parser reports the end of input as a null token,
     * which its model binding then dereferences, so a truncated body would otherwise fail with
     * a NullPointerException. Its model binding also stops at the end of the first object, so
     * trailing content would otherwise be ignored.
     */
    private static void requireComplete(String body) throws IOException {
        JsonParser parser = FACTORY.createJsonParser(body);
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new IOException("Expected a JSON object at the top level.");
        }
        int depth = 1;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            }
            if (depth == 0) {
                if (parser.nextToken() != null) {
                    throw new IOException("Unexpected token after the top-level object.");
                }
                return;
            }
        }
        throw new EOFException("Unexpected end of string.");
    }

    /**
     * Rejects a field name that the model class does not define, at any depth. The message
     * names the enclosing object by its protocol buffer path, as in
     * {@code requests[0].add_sheet.properties}, which is the form Google's API front end uses
     * in public error reports for other Google APIs. Cell values are plain maps and lists, not
     * model objects, so they are not checked here.
     *
     * <p>NOTE: the exact text Sheets sends for an unknown field is unverified.
     */
    private static void requireKnownFields(Object value, String path) {
        if (value instanceof GenericJson) {
            GenericJson model = (GenericJson) value;
            Set<String> unknown = model.getUnknownKeys().keySet();
            if (!unknown.isEmpty()) {
                String where = path.isEmpty() ? "" : " at '" + path + "'";
                throw ApiException.invalidArgument("Invalid JSON payload received. Unknown name"
                        + " \"" + unknown.iterator().next() + "\"" + where
                        + ": Cannot find field.");
            }
            for (String field : model.getClassInfo().getNames()) {
                String protoField = snakeCase(field);
                String fieldPath = path.isEmpty() ? protoField : path + "." + protoField;
                requireKnownFields(model.get(field), fieldPath);
            }
        } else if (value instanceof List) {
            List<?> items = (List<?>) value;
            for (int i = 0; i < items.size(); i++) {
                requireKnownFields(items.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Converts a JSON field name such as {@code addSheet} to its proto form, add_sheet. */
    private static String snakeCase(String jsonName) {
        StringBuilder name = new StringBuilder();
        for (char letter : jsonName.toCharArray()) {
            if (Character.isUpperCase(letter)) {
                name.append('_').append(Character.toLowerCase(letter));
            } else {
                name.append(letter);
            }
        }
        return name.toString();
    }

    /**
     * Describes a syntax error with its line and column, without the JSON library's advice on
     * lenient parsing.
     */
    private static String syntaxProblem(IOException malformed) {
        String message = String.valueOf(malformed.getMessage());
        Matcher position = POSITION.matcher(message);
        if (!position.find()) {
            return message;
        }
        String problem = message.startsWith("Use JsonReader") ? "Unexpected token"
                : message.substring(0, position.start());
        return problem + " at line " + position.group(1) + " column " + position.group(2) + ".";
    }

    /**
     * Names the field whose value has the wrong type. The client library's model binding
     * reports such a value as {@code key NAME}.
     */
    private static String fieldProblem(IllegalArgumentException wrongType) {
        String message = String.valueOf(wrongType.getMessage());
        return message.startsWith("key ")
                ? "Invalid value at '" + message.substring(4) + "': wrong type for this field."
                : "A value has the wrong type for its field.";
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
