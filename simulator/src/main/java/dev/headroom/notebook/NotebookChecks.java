package dev.headroom.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Set;

/** Checks the parts of an nbformat 4 notebook that execution reads. */
final class NotebookChecks {

    /** The cell types of nbformat 4. */
    private static final Set<String> CELL_TYPES = Set.of("code", "markdown", "raw");

    private NotebookChecks() {
    }

    /**
     * Checks the format version, the language, and each cell's type and source.
     *
     * @throws InvalidNotebookException naming the first problem found
     */
    static void check(JsonObject root, String name) throws InvalidNotebookException {
        JsonElement format = root.get("nbformat");
        if (format == null) {
            throw new InvalidNotebookException(name, "missing nbformat, expected "
                    + Notebook.FORMAT + "; give a notebook saved by Jupyter 4 or newer");
        }
        // Compares the number's text, so that 4.5 is not read as 4.
        if (!format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber()
                || !format.getAsString().equals(String.valueOf(Notebook.FORMAT))) {
            throw new InvalidNotebookException(name, "nbformat is " + format + ", expected "
                    + Notebook.FORMAT + "; save the notebook with Jupyter 4 or newer");
        }
        checkLanguage(root, name);
        JsonElement cells = root.get("cells");
        if (cells == null || !cells.isJsonArray()) {
            throw new InvalidNotebookException(name, "missing cells; expected a list of cells");
        }
        JsonArray list = cells.getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            checkCell(list.get(i), name + ", cell " + (i + 1));
        }
    }

    /**
     * Rejects a notebook whose {@code language_info.name} or {@code kernelspec.language} names
     * another language than Java. Either field may be missing, as in a notebook that no kernel
     * has run yet.
     */
    private static void checkLanguage(JsonObject root, String name)
            throws InvalidNotebookException {
        JsonElement metadata = root.get("metadata");
        if (metadata == null || !metadata.isJsonObject()) {
            return;
        }
        checkLanguageField(metadata.getAsJsonObject(), "language_info", "name", name);
        checkLanguageField(metadata.getAsJsonObject(), "kernelspec", "language", name);
    }

    private static void checkLanguageField(JsonObject metadata, String section, String field,
            String name) throws InvalidNotebookException {
        JsonElement info = metadata.get(section);
        if (info == null || !info.isJsonObject()) {
            return;
        }
        JsonElement language = info.getAsJsonObject().get(field);
        if (language == null) {
            return;
        }
        String path = "metadata." + section + "." + field;
        if (!language.isJsonPrimitive() || !language.getAsJsonPrimitive().isString()) {
            throw new InvalidNotebookException(name, path + " is " + language
                    + ", expected the string \"java\"");
        }
        if (!"java".equalsIgnoreCase(language.getAsString())) {
            throw new InvalidNotebookException(name, "the notebook's language is "
                    + language.getAsString() + " (" + path + "), but only Java cells can be"
                    + " executed here");
        }
    }

    private static void checkCell(JsonElement element, String where)
            throws InvalidNotebookException {
        if (!element.isJsonObject()) {
            throw new InvalidNotebookException(where, "expected a JSON object");
        }
        JsonObject cell = element.getAsJsonObject();
        JsonElement type = cell.get("cell_type");
        if (type == null || !type.isJsonPrimitive()) {
            throw new InvalidNotebookException(where,
                    "missing cell_type; expected code, markdown or raw");
        }
        JsonPrimitive typeValue = type.getAsJsonPrimitive();
        if (!typeValue.isString() || !CELL_TYPES.contains(typeValue.getAsString())) {
            throw new InvalidNotebookException(where, "unknown cell_type " + typeValue
                    + "; expected code, markdown or raw, the cell types of nbformat 4");
        }
        if (!isText(cell.get("source"))) {
            throw new InvalidNotebookException(where,
                    "source must be a string or a list of strings");
        }
    }

    private static boolean isText(JsonElement source) {
        if (source == null) {
            return false;
        }
        if (source.isJsonPrimitive()) {
            return source.getAsJsonPrimitive().isString();
        }
        if (!source.isJsonArray()) {
            return false;
        }
        for (JsonElement line : source.getAsJsonArray()) {
            if (!line.isJsonPrimitive() || !line.getAsJsonPrimitive().isString()) {
                return false;
            }
        }
        return true;
    }
}
