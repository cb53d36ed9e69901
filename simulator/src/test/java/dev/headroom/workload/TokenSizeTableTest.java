package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class TokenSizeTableTest {

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
    void read_badRowsNameLine() {
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n0.5,x,2\n1,3,3\n",
                "t.csv:3: field 2 'x' is not a finite number");
        assertReadError("# note\nprobability,tokens_in,tokens_out\n0,5,1\n0.5,4,2\n1,6,3\n",
                "t.csv:4: token counts must not be lower than the previous row's");
        assertReadError("probability,tokens_in,tokens_out\n0.1,1,1\n1,2,2\n",
                "t.csv:2: the first quantile row must have probability 0, found 0.1");
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n0.9,2,2\n",
                "t.csv:3: the last quantile row must have probability 1, found 0.9");
        assertReadError("p,in,out\n0,1,1\n1,2,2\n",
                "t.csv:1: expected the header 'probability,tokens_in,tokens_out' but found "
                        + "'p,in,out'");
        assertReadError("probability,tokens_in,tokens_out\n0,1,1\n1,2,9.3e18\n",
                "t.csv:3: token counts must be at most 10000000 per request; check the"
                        + " table's units");
        assertReadError("probability,tokens_in,tokens_out\n0,1\n",
                "t.csv:2: expected 3 comma-separated fields (probability,tokens_in,tokens_out) "
                        + "but found 2");
    }

    @Test
    void read_emptyTable_pointsAtLineOne() {
        assertReadError("", "t.csv:1: a token-size table needs at least two quantile rows,"
                + " found 0");
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
