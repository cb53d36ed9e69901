package dev.headroom.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Converts between text and nbformat's multi-line strings, which are either one JSON string or
 * a list of lines, each ending in its newline except the last.
 */
final class MultilineText {

    private MultilineText() {
    }

    /** Joins a multi-line string, given as a JSON string or a list of strings, into text. */
    static String join(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "";
        }
        if (element.isJsonPrimitive()) {
            return element.getAsString();
        }
        StringBuilder text = new StringBuilder();
        element.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    /** Splits text into the list of lines nbformat writes, each keeping its newline. */
    static JsonArray split(String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}
