package dev.headroom.notebook;

import static dev.headroom.notebook.TestNotebooks.code;
import static dev.headroom.notebook.TestNotebooks.markdown;
import static dev.headroom.notebook.TestNotebooks.notebook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotebookTest {

    @Test
    void source_joinsStringOrLines() throws Exception {
        Notebook notebook = Notebook.parse(notebook(markdown("# Title\ntext"),
                code("int a = 1;\nint b = 2;")), "test.ipynb");

        assertEquals(2, notebook.cellCount());
        assertFalse(notebook.isCode(0));
        assertTrue(notebook.isCode(1));
        assertEquals("# Title\ntext", notebook.source(0));
        assertEquals("int a = 1;\nint b = 2;", notebook.source(1));
    }

    @Test
    void setOutputs_writesStreamsAndResult() throws Exception {
        Notebook notebook = Notebook.parse(notebook(code("x")), "test.ipynb");

        notebook.setOutputs(0, 3, new CellResult("one\ntwo\n", "warn\n", Optional.of("42")));

        JsonObject cell = JsonParser.parseString(notebook.toJson()).getAsJsonObject()
                .getAsJsonArray("cells").get(0).getAsJsonObject();
        assertEquals(3, cell.get("execution_count").getAsInt());
        assertEquals("[{\"name\":\"stdout\",\"output_type\":\"stream\",\"text\":[\"one\\n\","
                + "\"two\\n\"]},{\"name\":\"stderr\",\"output_type\":\"stream\",\"text\":"
                + "[\"warn\\n\"]},{\"data\":{\"text/plain\":[\"42\"]},\"execution_count\":3,"
                + "\"metadata\":{},\"output_type\":\"execute_result\"}]",
                cell.get("outputs").toString());
    }

    @Test
    void setOutputs_leavesEmptyStreamsOut() throws Exception {
        Notebook notebook = Notebook.parse(notebook(code("int a = 1;")), "test.ipynb");

        notebook.setOutputs(0, 1, new CellResult("", "", Optional.empty()));

        assertEquals(0, notebook.outputs(0).size());
    }

    @Test
    void toJson_sortsKeysWithOneSpaceIndent() throws Exception {
        Notebook notebook = Notebook.parse("{\"nbformat_minor\": 5, \"nbformat\": 4,"
                + " \"metadata\": {}, \"cells\": []}", "test.ipynb");

        assertEquals("{\n \"cells\": [],\n \"metadata\": {},\n \"nbformat\": 4,\n"
                + " \"nbformat_minor\": 5\n}\n", notebook.toJson());
    }

    @Test
    void parse_invalidJson_namesFile() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse("{\"cells\": [", "broken.ipynb"));

        assertTrue(e.getMessage().startsWith("broken.ipynb:1:12: invalid JSON"), e.getMessage());
    }

    @Test
    void parse_notJson_namesLineAndColumn() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse("name: x\nseed: 1\n", "scenario.yaml"));

        assertEquals("scenario.yaml:1:1: invalid JSON; a notebook is an .ipynb file: open and"
                + " save it in Jupyter, or fix the syntax", e.getMessage());
    }

    @Test
    void parse_commentedYaml_namesFirstLine() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse("# a scenario\nname: x\n", "scenario.yaml"));

        assertTrue(e.getMessage().startsWith("scenario.yaml:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
    }

    @Test
    void parse_jsonWithUnquotedNames_isInvalid() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse("{nbformat: 4, metadata: {}, cells: []}", "loose.ipynb"));

        assertTrue(e.getMessage().startsWith("loose.ipynb:1:"), e.getMessage());
    }

    @Test
    void parse_oldFormat_namesVersion() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse("{\"nbformat\": 3, \"cells\": []}", "old.ipynb"));

        assertTrue(e.getMessage().contains("nbformat is 3, expected 4"), e.getMessage());
    }

    @Test
    void parse_missingFormat_saysMissing() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse("{\"cells\": []}", "plain.json"));

        assertTrue(e.getMessage().contains("missing nbformat, expected 4"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void parse_pythonNotebook_isRejected() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse(notebook("python", code("print(1)")), "py.ipynb"));

        assertTrue(e.getMessage().contains("language is python"), e.getMessage());
    }

    @Test
    void parse_fractionalFormat_isRejected() {
        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse("{\"nbformat\": 4.5, \"cells\": []}", "odd.ipynb"));

        assertTrue(e.getMessage().contains("nbformat is 4.5, expected 4"), e.getMessage());
    }

    @Test
    void parse_pythonKernelspec_isRejected() {
        String json = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [], \"metadata\":"
                + " {\"kernelspec\": {\"language\": \"python\", \"name\": \"python3\"}}}";

        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse(json, "py.ipynb"));

        assertTrue(e.getMessage().contains("language is python (metadata.kernelspec.language)"),
                e.getMessage());
    }

    @Test
    void parse_languageNameNotString_namesField() {
        for (String value : List.of("null", "{\"x\": 1}", "7")) {
            String json = "{\"nbformat\": 4, \"cells\": [], \"metadata\":"
                    + " {\"language_info\": {\"name\": " + value + "}}}";

            InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                    () -> Notebook.parse(json, "odd.ipynb"), value);

            assertTrue(e.getMessage().startsWith("odd.ipynb: metadata.language_info.name is "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("expected the string \"java\""), e.getMessage());
        }
    }

    @Test
    void parse_cellWithoutSource_namesCell() {
        JsonObject cell = code("x");
        cell.remove("source");

        InvalidNotebookException e = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse(notebook(markdown("a"), cell), "test.ipynb"));

        assertTrue(e.getMessage().startsWith("test.ipynb, cell 2: source must be"),
                e.getMessage());
    }

    @Test
    void parse_unknownCellType_namesCell() {
        JsonObject heading = markdown("# Old");
        heading.addProperty("cell_type", "heading");
        JsonObject number = code("x");
        number.addProperty("cell_type", 7);

        InvalidNotebookException named = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse(notebook(code("x"), heading), "test.ipynb"));
        InvalidNotebookException numbered = assertThrows(InvalidNotebookException.class,
                () -> Notebook.parse(notebook(number), "test.ipynb"));

        assertEquals("test.ipynb, cell 2: unknown cell_type \"heading\"; expected code,"
                + " markdown or raw, the cell types of nbformat 4", named.getMessage());
        assertTrue(numbered.getMessage().startsWith("test.ipynb, cell 1: unknown cell_type 7;"),
                numbered.getMessage());
    }
}
