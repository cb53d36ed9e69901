package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSizeTableTest {

    @TempDir
    Path dir;

    @Test
    void bundled_conversationTableCitesSourceAndSpansTrace() {
        TokenSizeTable table = TokenSizeTable.bundled(TokenSizeTable.AZURE_CONVERSATION_2023);

        assertTrue(String.join("\n", table.comments()).contains("CC-BY 4.0"));
        assertEquals(TraceFitter.PROBABILITIES.size(), table.tokensIn().size());
        assertEquals(2, table.tokensIn().quantile(0));
        assertEquals(14_050, table.tokensIn().quantile(1));
        assertEquals(1_000, table.tokensOut().quantile(1));
    }

    @Test
    void bundled_unknownNameRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenSizeTable.bundled("azure-chat"));
        assertEquals("no bundled token-size table is named 'azure-chat'; use azure-conv-2023 or "
                + "azure-code-2023", e.getMessage());
    }

    @Test
    void write_readGivesSameTable() throws IOException {
        TokenSizeTable table = TokenSizeTable.bundled(TokenSizeTable.AZURE_CODE_2023);
        StringWriter text = new StringWriter();
        table.write(text);

        TokenSizeTable copy = TokenSizeTable.read(new StringReader(text.toString()), "copy");
        assertEquals(table.comments(), copy.comments());
        for (int i = 0; i < table.tokensIn().size(); i++) {
            assertEquals(table.tokensIn().value(i), copy.tokensIn().value(i), "row " + i);
            assertEquals(table.tokensOut().value(i), copy.tokensOut().value(i), "row " + i);
        }
    }

    @Test
    void quantile_interpolatesLinearly() {
        QuantileTable table = new QuantileTable(
                new double[] {0, 0.5, 1}, new double[] {10, 20, 60});

        assertEquals(15, table.quantile(0.25), 1e-12);
        assertEquals(40, table.quantile(0.75), 1e-12);
        assertEquals(20, table.quantile(0.5), 1e-12);
        assertEquals(27.5, table.mean(), 1e-12);
    }

    @Test
    void drawRounded_followsQuantiles() {
        QuantileTable table = new QuantileTable(
                new double[] {0, 0.5, 0.9, 1}, new double[] {0, 100, 1_000, 5_000});
        RandomStream stream = new RandomStream(12);
        long[] counts = new long[3];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            long value = table.drawRounded(stream);
            if (value < 100) {
                counts[0]++;
            } else if (value < 1_000) {
                counts[1]++;
            } else {
                counts[2]++;
            }
        }

        double p = new ChiSquareTest().chiSquareTest(
                new double[] {0.5 * n, 0.4 * n, 0.1 * n}, counts);
        assertTrue(p > 0.01, "chi-square p-value " + p);
    }

    @Test
    void read_badRowsNameLineAndColumn() {
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n0.5,x,2\n1,3,3\n",
                "t.csv:3:5: tokens_in 'x' is not a number; write a decimal number such as 250"
                        + " or 12.5");
        assertReadError("# note\nprobability,tokens_in,tokens_out\n0,5,1\n0.5,4,2\n1,6,3\n",
                "t.csv:4:5: tokens_in 4 is below the previous row's 5; a quantile table's"
                        + " values never decrease");
        assertReadError("probability,tokens_in,tokens_out\n0.1,1,1\n1,2,2\n",
                "t.csv:2:1: the first quantile row must have probability 0, found 0.1; start the"
                        + " table with the row of probability 0, the minimum");
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n0.9,2,2\n",
                "t.csv:3:1: the last quantile row must have probability 1, found 0.9; end the table"
                        + " with the row of probability 1, the maximum");
        assertReadError("p,in,out\n0,1,1\n1,2,2\n",
                "t.csv:1:1: expected the header 'probability,tokens_in,tokens_out' but found "
                        + "'p,in,out'; write that header before the rows, or if the file is a"
                        + " request log, write a table from it with headroom workload fit"
                        + " LOG.csv --write TABLE.csv");
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n1,2,9.3e18\n",
                "t.csv:3:5: tokens_out 9.3e18 is above 10000000, the most one request may have;"
                        + " check the table's units");
        assertReadError("probability,tokens_in,tokens_out\n0,1\n",
                "t.csv:2:4: expected 3 comma-separated fields (probability,tokens_in,tokens_out) "
                        + "but found 2; give the row a probability and two token counts");
        assertReadError("probability,tokens_in,tokens_out\n0,-1,1\n1,2,2\n",
                "t.csv:2:3: tokens_in -1 is below 0; token counts are zero or more");
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n1.5,2,2\n",
                "t.csv:3:1: probability 1.5 is above 1; probabilities run from 0 to 1");
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n0.5, 2,2\n0.5,3,3\n",
                "t.csv:4:1: probability 0.5 must be above the previous row's 0.5; give each"
                        + " probability once, in increasing order");
    }

    @Test
    void read_javaNumberSuffixesAndHex_rejected() {
        // Double.parseDouble reads 1d, 2f and 0x1p3 as numbers; a table holds decimals only.
        for (String text : List.of("1d", "2f", "0x1p3", "Infinity", "NaN")) {
            assertReadError("probability,tokens_in,tokens_out\n0,1,1\n0.5," + text + ",9\n"
                    + "1,9,9\n", "t.csv:3:5: tokens_in '" + text + "' is not a number; write a"
                    + " decimal number such as 250 or 12.5");
        }
    }

    @Test
    void read_notUtf8_namesLineAndColumn() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"),
                "# caf\u00e9\nprobability,tokens_in,tokens_out\n0,1,1\n1,2,2\n"
                        .getBytes(StandardCharsets.ISO_8859_1));

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TokenSizeTable.read(file));

        assertEquals(file + ":1:6: byte 0xE9 is not valid UTF-8 text; save the table with UTF-8"
                + " encoding", e.getMessage());
    }

    @Test
    void read_byteOrderMark_notCountedInColumn() throws IOException {
        // The mark's three UTF-8 bytes, then a Latin-1 byte in the comment.
        byte[] text = ("\u00ef\u00bb\u00bf# caf\u00e9\nprobability,tokens_in,tokens_out\n"
                + "0,1,1\n1,2,2\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("bom.csv"), text);

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TokenSizeTable.read(file));

        assertEquals(file + ":1:6: byte 0xE9 is not valid UTF-8 text; save the table with UTF-8"
                + " encoding", e.getMessage());
    }

    @Test
    void read_emptyTable_pointsAtLineOne() {
        assertReadError("", "t.csv:1:1: a token-size table needs at least two quantile rows,"
                + " found 0; write the table with headroom workload fit");
    }

    private static void assertReadError(String text, String message) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TokenSizeTable.read(new StringReader(text), "t.csv"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void read_byteOrderMarkBeforeHeaderIgnored() throws IOException {
        String text = "\uFEFFprobability,tokens_in,tokens_out\n0,1,2\n1,3,4\n";

        TokenSizeTable table = TokenSizeTable.read(new StringReader(text), "t.csv");

        assertEquals(3, table.tokensIn().quantile(1), 1e-12);
    }

    @Test
    void write_multilineCommentReadsBack() throws IOException {
        TokenSizeTable table = new TokenSizeTable(List.of("source\nlicence"),
                new QuantileTable(new double[] {0, 1}, new double[] {1, 3}),
                new QuantileTable(new double[] {0, 1}, new double[] {2, 4}));
        StringWriter text = new StringWriter();
        table.write(text);

        TokenSizeTable read = TokenSizeTable.read(new StringReader(text.toString()), "t.csv");

        assertEquals(List.of("source", "licence"), read.comments());
    }
}
