package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Empirical distributions of prompt and generated tokens per request, as quantile tables that
 * share one column of probabilities. The two counts are drawn independently of each other.
 *
 * <p>Text format (UTF-8): lines starting with {@code #} are comments and carry the source and
 * licence of the figures; the first other line is the header
 * {@code probability,tokens_in,tokens_out}; each further line is one quantile row. Probabilities
 * run from 0 to 1 in increasing order.
 */
public final class TokenSizeTable {

    /** The header line of the text format. */
    public static final String HEADER = "probability,tokens_in,tokens_out";

    /**
     * The maximum tokens of one request in each direction. NOTE: a sanity bound, not a model's
     * limit. It lies far above current context windows, so a larger count points to a mistake.
     */
    public static final long MAX_TOKENS = 10_000_000L;
    /** Name of the bundled table fitted from a conversation (chat) request log. */
    public static final String AZURE_CONVERSATION_2023 = "azure-conv-2023";
    /** Name of the bundled table fitted from a code-completion request log. */
    public static final String AZURE_CODE_2023 = "azure-code-2023";

    /** A decimal number: digits with an optional sign, point and exponent, as the table has. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final String[] COLUMNS = HEADER.split(",");

    private final List<String> comments;
    private final QuantileTable tokensIn;
    private final QuantileTable tokensOut;

    /**
     * Creates a table. The two quantile tables must have the same probabilities.
     *
     * @param comments lines of provenance written after {@code #}, without the marker
     */
    public TokenSizeTable(List<String> comments, QuantileTable tokensIn, QuantileTable tokensOut) {
        this.comments = List.copyOf(comments);
        this.tokensIn = Objects.requireNonNull(tokensIn, "tokensIn");
        this.tokensOut = Objects.requireNonNull(tokensOut, "tokensOut");
        boolean same = tokensIn.size() == tokensOut.size();
        for (int i = 0; same && i < tokensIn.size(); i++) {
            same = tokensIn.probability(i) == tokensOut.probability(i);
        }
        if (!same) {
            throw new IllegalArgumentException(
                    "the prompt and generated token tables must have the same probabilities");
        }
    }

    /**
     * Loads a bundled table by name, such as {@link #AZURE_CONVERSATION_2023}.
     *
     * @throws IllegalArgumentException if no table of that name is bundled
     */
    public static TokenSizeTable bundled(String name) {
        String resource = "token-sizes-" + name + ".csv";
        InputStream stream = TokenSizeTable.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalArgumentException("no bundled token-size table is named '" + name
                    + "'; use " + AZURE_CONVERSATION_2023 + " or " + AZURE_CODE_2023);
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return read(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read bundled resource " + resource, e);
        }
    }

    /**
     * Reads a table file in the text format, in one pass.
     *
     * @throws InputFormatException naming the file, line and column of the first malformed row,
     *     or of the first byte that is not valid UTF-8
     */
    public static TokenSizeTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(new Utf8Lines(in, file.toString(), "table"), file.toString());
        }
    }

    /**
     * Reads a table in the text format.
     *
     * @param source the file or resource name used in error messages
     * @throws InputFormatException naming the line and column of the first malformed row
     */
    public static TokenSizeTable read(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        return read(lines::readLine, source);
    }

    private static TokenSizeTable read(CsvRecords.LineSource lines, String source)
            throws IOException {
        List<String> comments = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        boolean headerSeen = false;
        long lineNumber = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            String text = (lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line)
                    .strip();
            if (text.startsWith("#")) {
                comments.add(text.substring(1).strip());
            } else if (!text.isEmpty() && !headerSeen) {
                requireHeader(text, source, lineNumber);
                headerSeen = true;
            } else if (!text.isEmpty()) {
                double[] row = parseRow(line, source, lineNumber);
                requireOrder(rows.isEmpty() ? null : rows.get(rows.size() - 1), row, line, source,
                        lineNumber);
                rows.add(row);
            }
        }
        if (rows.size() < 2) {
            throw new InputFormatException(source, Math.max(1, lineNumber), 1,
                    "a token-size table needs at least two quantile rows, found " + rows.size()
                    + "; write the table with headroom workload fit");
        }
        if (rows.get(rows.size() - 1)[0] != 1) {
            throw new InputFormatException(source, lineNumber, 1,
                    "the last quantile row must have probability 1, found "
                    + rows.get(rows.size() - 1)[0] + "; end the table with the row of"
                    + " probability 1, the maximum");
        }
        return fromRows(comments, rows);
    }

    /** Writes the table in the text format, comments first, values rounded to 0.001. */
    public void write(Writer writer) throws IOException {
        for (String comment : comments) {
            // A comment with line breaks becomes several comment lines, so that the header
            // stays the first line without a '#'.
            for (String line : comment.split("\\R", -1)) {
                writer.write("# " + line + "\n");
            }
        }
        writer.write(HEADER + "\n");
        for (int i = 0; i < tokensIn.size(); i++) {
            writer.write(formatNumber(tokensIn.probability(i)) + ","
                    + formatNumber(tokensIn.value(i)) + "," + formatNumber(tokensOut.value(i))
                    + "\n");
        }
    }

    public List<String> comments() {
        return comments;
    }

    public QuantileTable tokensIn() {
        return tokensIn;
    }

    public QuantileTable tokensOut() {
        return tokensOut;
    }

    /** Draws a prompt size in tokens with one uniform draw. */
    public long drawTokensIn(RandomStream stream) {
        return tokensIn.drawRounded(stream);
    }

    /** Draws a generated size in tokens with one uniform draw. */
    public long drawTokensOut(RandomStream stream) {
        return tokensOut.drawRounded(stream);
    }

    /**
     * Formats a number rounded to three decimals, without trailing zeros and without exponent
     * notation.
     */
    static String formatNumber(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    private static void requireHeader(String text, String source, long lineNumber) {
        if (!text.replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new InputFormatException(source, lineNumber, 1, "expected the header '"
                    + HEADER + "' but found '" + CsvRecords.shown(text) + "'; write that header"
                    + " before the rows, or if the file is a request log, write a table from it"
                    + " with headroom workload fit LOG.csv --write TABLE.csv");
        }
    }

    /** Parses a row; a field is a decimal number, without Java's suffixes or hexadecimal. */
    private static double[] parseRow(String line, String source, long lineNumber) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            long column = fields.length < 3 ? CsvRecords.columnOf(line, line.stripTrailing()
                    .length()) : fieldColumn(line, 3);
            throw new InputFormatException(source, lineNumber, column, "expected 3"
                    + " comma-separated fields (" + HEADER + ") but found " + fields.length
                    + "; give the row a probability and two token counts");
        }
        double[] row = new double[3];
        for (int i = 0; i < 3; i++) {
            String text = fields[i].strip();
            if (!DECIMAL.matcher(text).matches()) {
                throw new InputFormatException(source, lineNumber, fieldColumn(line, i),
                        COLUMNS[i] + " '" + CsvRecords.shown(text) + "' is not a number; write a"
                        + " decimal number such as 250 or 12.5");
            }
            row[i] = Double.parseDouble(text);
            if (!Double.isFinite(row[i])) {
                throw new InputFormatException(source, lineNumber, fieldColumn(line, i),
                        COLUMNS[i] + " " + text + " is too large; check the table's units");
            }
        }
        return row;
    }

    private static void requireOrder(double[] previous, double[] row, String line,
            String source, long lineNumber) {
        if (previous == null && row[0] != 0) {
            throw new InputFormatException(source, lineNumber, fieldColumn(line, 0),
                    "the first quantile row must have probability 0, found " + row[0]
                    + "; start the table with the row of probability 0, the minimum");
        }
        if (previous != null && !(row[0] > previous[0])) {
            throw new InputFormatException(source, lineNumber, fieldColumn(line, 0),
                    "probability " + row[0] + " must be above the previous row's " + previous[0]
                    + "; give each probability once, in increasing order");
        }
        if (row[0] > 1) {
            throw new InputFormatException(source, lineNumber, fieldColumn(line, 0),
                    "probability " + row[0] + " is above 1; probabilities run from 0 to 1");
        }
        for (int i = 1; i < 3; i++) {
            String value = fields(line)[i].strip();
            if (row[i] < 0) {
                throw new InputFormatException(source, lineNumber, fieldColumn(line, i),
                        COLUMNS[i] + " " + value + " is below 0; token counts are zero or more");
            }
            if (row[i] > MAX_TOKENS) {
                throw new InputFormatException(source, lineNumber, fieldColumn(line, i),
                        COLUMNS[i] + " " + value + " is above " + MAX_TOKENS + ", the most one"
                        + " request may have; check the table's units");
            }
            if (previous != null && row[i] < previous[i]) {
                throw new InputFormatException(source, lineNumber, fieldColumn(line, i),
                        COLUMNS[i] + " " + value + " is below the previous row's "
                        + formatNumber(previous[i]) + "; a quantile table's values never"
                        + " decrease");
            }
        }
    }

    private static String[] fields(String line) {
        return line.split(",", -1);
    }

    /** Returns the 1-based column of the first character of field {@code field} of the line. */
    private static long fieldColumn(String line, int field) {
        int index = 0;
        for (int i = 0; i < field; i++) {
            index = line.indexOf(',', index) + 1;
        }
        while (index < line.length() && Character.isWhitespace(line.charAt(index))) {
            index++;
        }
        return CsvRecords.columnOf(line, index);
    }

    private static TokenSizeTable fromRows(List<String> comments, List<double[]> rows) {
        double[] probabilities = new double[rows.size()];
        double[] in = new double[rows.size()];
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            probabilities[i] = rows.get(i)[0];
            in[i] = rows.get(i)[1];
            out[i] = rows.get(i)[2];
        }
        return new TokenSizeTable(comments, new QuantileTable(probabilities, in),
                new QuantileTable(probabilities, out));
    }
}
