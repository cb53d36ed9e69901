package dev.headroom.notebook;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jupyter notebook in the nbformat 4 JSON layout, kept as its JSON tree so that fields this
 * class does not know survive a round trip.
 *
 * <p>{@link #toJson()} writes keys in sorted order with a one-space indent and a final newline,
 * the layout Jupyter's own nbformat library writes, so an executed notebook diffs cleanly
 * against one saved by Jupyter. Multi-line text is stored as a list of lines, each ending in
 * its newline except the last. Not thread-safe.
 */
public final class Notebook {

    /** The position that Gson's parse errors name, such as {@code at line 4 column 6}. */
    private static final Pattern GSON_POSITION = Pattern.compile("at line (\\d+) column (\\d+)");

    /** The nbformat major version this class reads and writes. */
    public static final int FORMAT = 4;

    /** The writer, which keeps null fields, such as a blank cell's execution_count. */
    private static final Gson GSON = new GsonBuilder()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" "))
            .disableHtmlEscaping()
            .serializeNulls()
            .create();

    /** The reader of notebook files, which rejects comments, unquoted names and single quotes. */
    private static final Gson STRICT = new GsonBuilder().setStrictness(Strictness.STRICT).create();

    private final JsonObject root;
    private final JsonArray cells;

    private Notebook(JsonObject root) {
        this.root = root;
        this.cells = root.getAsJsonArray("cells");
    }

    /**
     * Parses a notebook.
     *
     * @param json the text of an {@code .ipynb} file
     * @param name the file's name, for messages
     * @throws InvalidNotebookException if the text is not an nbformat 4 notebook of Java cells
     */
    public static Notebook parse(String json, String name) throws InvalidNotebookException {
        JsonElement parsed;
        try {
            parsed = STRICT.fromJson(json, JsonElement.class);
        } catch (JsonParseException e) {
            throw new InvalidNotebookException(name + position(e), "invalid JSON; a notebook"
                    + " is an .ipynb file: open and save it in Jupyter, or fix the syntax");
        }
        if (parsed == null || !parsed.isJsonObject()) {
            throw new InvalidNotebookException(name, "expected a JSON object at the top level");
        }
        JsonObject root = parsed.getAsJsonObject();
        NotebookChecks.check(root, name);
        return new Notebook(root.deepCopy());
    }

    /**
     * Returns {@code :LINE:COLUMN} of the place where Gson stopped parsing, read from its message,
     * or an empty string when the message gives none.
     */
    private static String position(JsonParseException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher matcher = GSON_POSITION.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return ":" + matcher.group(1) + ":" + matcher.group(2);
            }
        }
        return "";
    }

    /** Returns the number of cells of every type. */
    public int cellCount() {
        return cells.size();
    }

    /** Returns whether the cell at the 0-based {@code index} is a code cell. */
    public boolean isCode(int index) {
        return "code".equals(cell(index).get("cell_type").getAsString());
    }

    /** Returns the source of the cell at the 0-based {@code index}. */
    public String source(int index) {
        return MultilineText.join(cell(index).get("source"));
    }

    /** Returns the outputs of the cell at the 0-based {@code index}; empty for non-code cells. */
    public JsonArray outputs(int index) {
        JsonElement outputs = cell(index).get("outputs");
        return outputs == null ? new JsonArray() : outputs.getAsJsonArray().deepCopy();
    }

    /**
     * Replaces the outputs of a code cell with what its execution produced: a {@code stdout}
     * stream, a {@code stderr} stream and an {@code execute_result}, each only when not empty.
     *
     * @param index the 0-based position of a code cell
     * @param executionCount the 1-based count of the cell among the executed cells
     * @param result what the cell printed and returned
     */
    void setOutputs(int index, int executionCount, CellResult result) {
        JsonObject cell = cell(index);
        JsonArray outputs = new JsonArray();
        if (!result.stdout().isEmpty()) {
            outputs.add(stream("stdout", result.stdout()));
        }
        if (!result.stderr().isEmpty()) {
            outputs.add(stream("stderr", result.stderr()));
        }
        result.value().ifPresent(value -> outputs.add(executeResult(executionCount, value)));
        cell.add("outputs", outputs);
        cell.addProperty("execution_count", executionCount);
    }

    /** Returns a deep copy, so that executing one copy leaves the other as it was. */
    public Notebook copy() {
        return new Notebook(root.deepCopy());
    }

    /** Returns the notebook as JSON text with sorted keys and a final newline. */
    public String toJson() {
        return GSON.toJson(sorted(root)) + "\n";
    }

    private JsonObject cell(int index) {
        return cells.get(index).getAsJsonObject();
    }

    private static JsonObject stream(String name, String text) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "stream");
        output.addProperty("name", name);
        output.add("text", MultilineText.split(text));
        return output;
    }

    private static JsonObject executeResult(int executionCount, String value) {
        JsonObject data = new JsonObject();
        data.add("text/plain", MultilineText.split(value));
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "execute_result");
        output.add("execution_count", new JsonPrimitive(executionCount));
        output.add("data", data);
        output.add("metadata", new JsonObject());
        return output;
    }

    /** Returns a copy of {@code element} whose objects list their keys in sorted order. */
    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, JsonElement> members = new TreeMap<>(element.getAsJsonObject().asMap());
            JsonObject copy = new JsonObject();
            members.forEach((key, value) -> copy.add(key, sorted(value)));
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return element;
    }
}
