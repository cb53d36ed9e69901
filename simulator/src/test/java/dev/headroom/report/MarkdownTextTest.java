package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MarkdownTextTest {

    @Test
    void escape_plainNamesUnchanged() {
        for (String name : List.of("single-sheet", "sheets x5 (char-sum)", "start_by_p10",
                "数据库", "db.v2: eu-west", "2025-01-06", "a_1", "monthly_cost > $20")) {
            assertEquals(name, MarkdownText.escape(name));
        }
    }

    @Test
    void escape_markupCharacters() {
        assertEquals("a\\|b", MarkdownText.escape("a|b"));
        assertEquals("\\*x\\*", MarkdownText.escape("*x*"));
        assertEquals("\\_x\\_", MarkdownText.escape("_x_"));
        assertEquals("a\\_\\_b", MarkdownText.escape("a__b"));
        assertEquals("\\`x\\`", MarkdownText.escape("`x`"));
        assertEquals("\\[x\\](y)", MarkdownText.escape("[x](y)"));
        assertEquals("\\<b>", MarkdownText.escape("<b>"));
        assertEquals("\\&amp;", MarkdownText.escape("&amp;"));
        assertEquals("v2 \\#", MarkdownText.escape("v2 #"));
        assertEquals("\\$x\\$", MarkdownText.escape("$x$"));
        assertEquals("\\\\", MarkdownText.escape("\\"));
        assertEquals("a&#x2028;b", MarkdownText.escape("a\u2028b"));
        assertEquals("a&#x2029;b", MarkdownText.escape("a\u2029b"));
    }

    @Test
    void escape_anyText_rendersBackAsWritten() {
        qt().withFixedSeed(11).withExamples(2_000)
                .forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 12))
                .checkAssert(text -> assertEquals(text, unescape(MarkdownText.escape(text))));
    }

    @Test
    void escape_anyText_keepsOneTableCell() {
        qt().withFixedSeed(12).withExamples(2_000)
                .forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 12))
                .checkAssert(text -> assertEquals(1,
                        cells("| " + MarkdownText.escape(text) + " |").size(), text));
    }

    @Test
    void escape_anyText_leavesNoEmphasisDelimiter() {
        qt().withFixedSeed(13).withExamples(2_000)
                .forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 12))
                .checkAssert(text -> assertFalse(
                        hasOpenDelimiter(MarkdownText.escape(text)), text));
    }

    @Test
    void escapeCells_pipeInText_keepsColumns() {
        Table table = Table.create("phases",
                StringColumn.create("phase", "a|b", "c\\|d"),
                LongColumn.create("users", 5, 10));

        List<String> lines = TableText.markdown(MarkdownText.escapeCells(table)).lines().toList();

        assertEquals(List.of("| phase | users |", "|---|---|", "| a\\|b | 5 |",
                "| c\\\\\\|d | 10 |"), lines);
        assertEquals(List.of("c\\|d", "10"),
                MarkdownTextTest.cells(lines.get(3)).stream().map(MarkdownTextTest::unescape)
                        .toList());
        assertEquals("a|b", table.stringColumn("phase").get(0));
    }

    /**
     * Returns whether the Markdown has a {@code *} or a {@code _} that is not escaped and not
     * between two letters or digits, and so could open or close emphasis.
     */
    static boolean hasOpenDelimiter(String markdown) {
        for (int index = 0; index < markdown.length(); index++) {
            char c = markdown.charAt(index);
            if (c == '\\') {
                index++;
                continue;
            }
            boolean intraword = index > 0 && index + 1 < markdown.length()
                    && Character.isLetterOrDigit(markdown.charAt(index - 1))
                    && Character.isLetterOrDigit(markdown.charAt(index + 1));
            if (c == '*' || c == '_' && !intraword) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the text a Markdown renderer shows for escaped inline text: each backslash escape
     * as its character and each hexadecimal character reference as its character.
     */
    static String unescape(String markdown) {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < markdown.length(); index++) {
            char c = markdown.charAt(index);
            if (c == '\\' && index + 1 < markdown.length()) {
                index++;
                text.append(markdown.charAt(index));
            } else if (markdown.startsWith("&#x", index)) {
                int end = markdown.indexOf(';', index);
                text.appendCodePoint(Integer.parseInt(markdown.substring(index + 3, end), 16));
                index = end;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * Returns the cells of a GFM table row, trimmed: the row splits at each pipe that no
     * backslash escapes, and the pipes at its start and end only bound it.
     */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        for (int index = 0; index < inner.length(); index++) {
            char c = inner.charAt(index);
            if (c == '\\' && index + 1 < inner.length()) {
                cell.append(c).append(inner.charAt(index + 1));
                index++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
