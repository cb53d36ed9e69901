package dev.headroom.sheets.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class A1RangeTest {

    private static final int OPEN = A1Range.OPEN;

    @Test
    void parsesCellsAndOpenEdges() {
        assertEquals(new A1Range("Sheet1", 2, 1, 5, 3), A1Range.parse("Sheet1!A2:C5"));
        assertEquals(new A1Range("Sheet1", 1, 1, OPEN, 2), A1Range.parse("Sheet1!A:B"));
        assertEquals(new A1Range("Sheet1", 3, 1, 5, OPEN), A1Range.parse("Sheet1!3:5"));
        assertEquals(new A1Range("T", 1001, 1, OPEN, 2), A1Range.parse("T!A1001:B"));
        assertEquals(new A1Range(null, 7, 28, 7, 28), A1Range.parse("AB7"));
        assertEquals(new A1Range("S", 1, 1, 2, 2), A1Range.parse("S!B2:A1"));
    }

    /**
     * A workbook's 10,000,000 cells may all sit in one column, so row 10,000,000 (eight digits)
     * is a row that a range must be able to name.
     */
    @Test
    void rowsOfEightAndNineDigitsParse() {
        assertEquals(new A1Range("T", 10_000_000, 1, 10_000_000, 1),
                A1Range.parse("T!A10000000"));
        assertEquals(new A1Range("T", 9_999_999, 1, 123_456_789, 2),
                A1Range.parse("T!A9999999:B123456789"));
    }

    @Test
    void quotedTitlesKeepEscapedQuotes() {
        A1Range range = A1Range.parse("'o''brien+x@example.com'!A1:F");

        assertEquals("o'brien+x@example.com", range.sheetTitle());
        assertEquals("'o''brien+x@example.com'!A1:F", range.format());
        assertEquals("it's!", A1Range.parse("'it''s!'").sheetTitle());
    }

    @Test
    void formatQuotesOnlyWhenNeeded() {
        assertEquals("Sheet1", A1Range.quoteTitle("Sheet1"));
        assertEquals("'My Tab'", A1Range.quoteTitle("My Tab"));
        assertEquals("'A1'", A1Range.quoteTitle("A1"));
        assertEquals("'café'", A1Range.quoteTitle("café"));
    }

    @Test
    void columnNamesRollOver() {
        assertEquals("A", A1Range.columnName(1));
        assertEquals("Z", A1Range.columnName(26));
        assertEquals("AA", A1Range.columnName(27));
        assertEquals("ZZZ", A1Range.columnName(18_278));
    }

    @Test
    void invalidTextIsRejected() {
        for (String text : List.of("Sheet1!A1:B2:C3", "'unclosed!A1", "Sheet1!A0", "S!1",
                "S!A1234567890")) {
            ApiException error = assertThrows(ApiException.class, () -> A1Range.parse(text));
            assertEquals("Unable to parse range: " + text, error.getMessage());
            assertEquals(400, error.code());
        }
    }

    @Test
    void cellsOnlyTextIsRecognized() {
        assertTrue(A1Range.isCellsOnly("A1:B2"));
        assertFalse(A1Range.isCellsOnly("Sheet1"));
        assertFalse(A1Range.isCellsOnly("'A1'"));
    }

    @Test
    void fieldMaskGroupsExpand() {
        assertEquals(List.of("title", "gridProperties.rowCount", "gridProperties.columnCount"),
                FieldMask.paths("title,gridProperties(rowCount, columnCount)"));
        assertThrows(ApiException.class, () -> FieldMask.paths("gridProperties(rowCount"));
    }
}
