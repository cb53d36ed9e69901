package dev.headroom.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Builds small nbformat 4 notebooks for tests. */
final class TestNotebooks {

    private TestNotebooks() {
    }

    /** Returns a markdown cell. */
    static JsonObject markdown(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.add("metadata", new JsonObject());
        cell.addProperty("source", source);
        return cell;
    }

    /** Returns a code cell that has not been executed. */
    static JsonObject code(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", null);
        cell.add("source", MultilineText.split(source));
        return cell;
    }

    /** Returns the JSON text of a Java notebook with these cells. */
    static String notebook(JsonObject... cells) {
        return notebook("java", cells);
    }

    /** Returns the JSON text of a notebook in {@code language} with these cells. */
    static String notebook(String language, JsonObject... cells) {
        JsonObject info = new JsonObject();
        info.addProperty("name", language);
        JsonObject metadata = new JsonObject();
        metadata.add("language_info", info);
        JsonArray list = new JsonArray();
        for (JsonObject cell : cells) {
            list.add(cell);
        }
        JsonObject root = new JsonObject();
        root.add("cells", list);
        root.add("metadata", metadata);
        root.addProperty("nbformat", 4);
        root.addProperty("nbformat_minor", 4);
        return root.toString();
    }
}
