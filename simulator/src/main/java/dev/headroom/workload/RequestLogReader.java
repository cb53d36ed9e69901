package dev.headroom.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a request log in CSV: a header line, then one request per line, with at least an arrival
 * time and the prompt and generated token counts. Other columns are ignored. Fields may be
 * enclosed in double quotes; a field with a comma inside quotes is not supported.
 *
 * <p>Arrival times are either ISO-8601 date-times ({@code 2023-11-16 18:17:03.97996} or
 * {@code 2023-11-16T18:17:03Z}; a time without an offset is read as UTC) or plain numbers of
 * seconds from any origin. Token counts are whole numbers, zero or more.
 */
public final class RequestLogReader {

    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    private final LogColumns columns;
    private final NumberTimeUnit numberUnit;

    /** Creates a reader of the given columns whose numeric timestamps count seconds. */
    public RequestLogReader(LogColumns columns) {
        this(columns, NumberTimeUnit.SECONDS);
    }

    /** Creates a reader of the given columns whose numeric timestamps count {@code unit}. */
    public RequestLogReader(LogColumns columns, NumberTimeUnit numberUnit) {
        this.columns = columns;
        this.numberUnit = numberUnit;
    }

    /**
     * Reads a log file.
     *
     * @throws InputFormatException naming the file and line of the first malformed row, or of
     *     the first line that is not valid UTF-8
     */
    public RequestLog read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file.toString(), Utf8Lines.firstInvalidLine(file),
                    "the line is not valid UTF-8 text; save the log with UTF-8 encoding");
        }
    }

    /**
     * Reads a log from {@code reader}; {@code source} names it in error messages.
     *
     * @throws InputFormatException naming the source and line of the first malformed row
     */
    public RequestLog read(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String firstLine = lines.readLine();
        String header = firstLine == null ? null : stripByteOrderMark(firstLine);
        if (header == null || header.isBlank()) {
            if (header == null || !hasText(lines)) {
                throw new InputFormatException(source, 1, "the log is empty; expected a header"
                        + " line naming the timestamp and token columns");
            }
            throw new InputFormatException(source, 1, "the header line is blank; expected a"
                    + " header line naming the timestamp and token columns, so remove the blank"
                    + " lines before it");
        }
        String[] names = split(header);
        int[] index = {
            find(names, columns.timestamp(), LogColumns.TIMESTAMP_NAMES, "timestamp", source),
            find(names, columns.tokensIn(), LogColumns.TOKENS_IN_NAMES, "tokens-in", source),
            find(names, columns.tokensOut(), LogColumns.TOKENS_OUT_NAMES, "tokens-out", source)
        };
        checkDistinct(index, names, source);
        LongColumns rows = new LongColumns();
        long lineNumber = 1;
        long firstRowLine = 0;
        boolean firstRowNumeric = false;
        String firstTime = null;
        boolean timesDiffer = false;
        TimeRange range = new TimeRange();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                String[] fields = split(line);
                boolean quoted = line.indexOf('"') >= 0;
                parseRow(fields, names, index, source, lineNumber, rows, quoted);
                boolean numeric = Timestamps.isNumber(fields[index[0]]);
                if (firstRowLine == 0) {
                    firstRowLine = lineNumber;
                    firstRowNumeric = numeric;
                    firstTime = fields[index[0]];
                } else if (numeric != firstRowNumeric) {
                    throw new InputFormatException(source, lineNumber, "timestamp '"
                            + fields[index[0]] + "' in column " + names[index[0]] + " is "
                            + (numeric ? numberUnit.words() : "a date-time") + ", but line "
                            + firstRowLine + " has " + (numeric ? "a date-time"
                            : numberUnit.words()) + "; write every timestamp of the log in one"
                            + " form");
                }
                range.add(rows.times[rows.size - 1], fields[index[0]], names[index[0]], source,
                        lineNumber);
                timesDiffer |= rows.times[rows.size - 1] != rows.times[0];
            }
        }
        if (rows.size < 2) {
            String found = rows.size == 1 ? "1 request" : rows.size + " requests";
            throw new InputFormatException(source, lineNumber, "the log has " + found
                    + ", but fitting needs at least 2; give a log with more requests");
        }
        if (!timesDiffer) {
            throw new InputFormatException(source, firstRowLine, "every request has the"
                    + " timestamp '" + firstTime + "' in column " + names[index[0]]
                    + ", but fitting needs arrivals spread over time; give a log whose requests"
                    + " arrive at different times, or name the arrival time column with the"
                    + " --timestamp-column option");
        }
        return new RequestLog(source, Arrays.copyOf(rows.times, rows.size),
                Arrays.copyOf(rows.in, rows.size), Arrays.copyOf(rows.out, rows.size), true);
    }

    private void parseRow(String[] fields, String[] names, int[] index, String source,
            long lineNumber, LongColumns rows, boolean quoted) {
        if (fields.length != names.length) {
            throw new InputFormatException(source, lineNumber, "expected " + names.length
                    + " fields as in the header but found " + fields.length
                    + (quoted ? "; a comma inside a quoted field is read as a separator, so"
                            + " remove such commas or that column"
                            : "; give the line one value for each column of the header"));
        }
        String time = fields[index[0]];
        long nanos;
        try {
            nanos = Timestamps.parseNanos(time, numberUnit);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(source, lineNumber, "timestamp '" + time + "' in column "
                    + names[index[0]] + " is invalid: " + e.getMessage());
        }
        long in = parseTokens(fields[index[1]], names[index[1]], "tokens-in", source,
                lineNumber);
        long out = parseTokens(fields[index[2]], names[index[2]], "tokens-out", source,
                lineNumber);
        rows.add(nanos, in, out);
    }

    /**
     * Parses a count written in ASCII digits only, because {@code Long.parseLong} also accepts a
     * sign and the digits of other scripts.
     */
    private static long parseTokens(String text, String column, String role, String source,
            long line) {
        if (ASCII_DIGITS.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text);
                if (value <= TokenSizeTable.MAX_TOKENS) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Too many digits for a long: larger than any allowed count.
            }
            throw tooLarge(text, column, source, line);
        }
        throw new InputFormatException(source, line, "token count '" + text + "' in column "
                + column + " is not a whole number of zero or more; write the count as digits,"
                + " such as 250, or name the " + role + " column with the --" + role
                + "-column option");
    }

    private static InputFormatException tooLarge(String text, String column, String source,
            long line) {
        return new InputFormatException(source, line, "token count " + text + " in column "
                + column + " is above " + TokenSizeTable.MAX_TOKENS + ", the most one request"
                + " may have; check the column's units");
    }

    /**
     * Returns the index of the one header field that matches the role. Two matching fields are
     * an error, because the reader cannot tell which one contains the values.
     */
    /** Rejects a header field chosen for two of the three roles, as by a mistyped column option. */
    private static void checkDistinct(int[] index, String[] names, String source) {
        String[] roles = {"timestamp", "tokens-in", "tokens-out"};
        for (int first = 0; first < index.length; first++) {
            for (int second = first + 1; second < index.length; second++) {
                if (index[first] == index[second]) {
                    throw new InputFormatException(source, 1, "header field "
                            + (index[first] + 1) + " '" + names[index[first]] + "' is both the "
                            + roles[first] + " and the " + roles[second] + " column; name"
                            + " another column with --" + roles[first] + "-column or --"
                            + roles[second] + "-column");
                }
            }
        }
    }

    private static int find(
            String[] names, String wanted, List<String> usual, String role, String source) {
        int found = -1;
        for (int i = 0; i < names.length; i++) {
            String name = LogColumns.canonical(names[i]);
            boolean match = wanted == null
                    ? usual.contains(name) : name.equals(LogColumns.canonical(wanted));
            if (match && found >= 0) {
                throw new InputFormatException(source, 1, "ambiguous " + role + " column: "
                        + "header fields " + (found + 1) + " '" + names[found] + "' and "
                        + (i + 1) + " '" + names[i] + "' both match; "
                        + ambiguityFix(names[found], names[i], role));
            }
            if (match) {
                found = i;
            }
        }
        if (found >= 0) {
            return found;
        }
        String expected = wanted == null ? "one of " + usual : "'" + wanted + "'";
        throw new InputFormatException(source, 1, "no " + role + " column: expected " + expected
                + " in the header " + Arrays.toString(names) + "; "
                + missingColumnFix(names, role));
    }

    /**
     * Returns what to do about a missing column: write commas when the header is one field that
     * contains another common separator, or else name the column with its option.
     */
    private static String missingColumnFix(String[] names, String role) {
        if (names.length == 1) {
            for (String separator : List.of(";", "\t", "|")) {
                if (names[0].contains(separator)) {
                    return "the header is one field that contains '" + separator + "', so write"
                            + " the log with commas between its fields";
                }
            }
        }
        return "name the column with the --" + role + "-column option";
    }

    private static String ambiguityFix(String first, String second, String role) {
        if (LogColumns.canonical(first).equals(LogColumns.canonical(second))) {
            return "rename or remove one of the two columns";
        }
        return "name the column to use with the --" + role + "-column option";
    }

    /** Splits a CSV line on commas and removes surrounding quotes and spaces from each field. */
    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields[i] = field;
        }
        return fields;
    }

    /** Returns whether any line left in {@code lines} contains more than white space. */
    private static boolean hasText(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /**
     * The earliest and latest arrival read so far, with their text and line. The fit subtracts
     * arrival times, so a row that puts two arrivals further apart than a 64-bit count of
     * nanoseconds can represent (about 292.5 years) is rejected where it is read.
     */
    private static final class TimeRange {
        private long earliest;
        private String earliestText;
        private long earliestLine;
        private long latest;
        private String latestText;
        private long latestLine;

        void add(long nanos, String text, String column, String source, long line) {
            if (earliestLine == 0) {
                earliest = nanos;
                earliestText = text;
                earliestLine = line;
                latest = nanos;
                latestText = text;
                latestLine = line;
            } else if (nanos < earliest) {
                checkSpan(latest - nanos, text, column, latestText, latestLine, source, line);
                earliest = nanos;
                earliestText = text;
                earliestLine = line;
            } else if (nanos > latest) {
                checkSpan(nanos - earliest, text, column, earliestText, earliestLine, source,
                        line);
                latest = nanos;
                latestText = text;
                latestLine = line;
            }
        }

        /** Rejects a span that overflowed, which the subtraction leaves negative. */
        private static void checkSpan(long span, String text, String column, String otherText,
                long otherLine, String source, long line) {
            if (span < 0) {
                throw new InputFormatException(source, line, "timestamp '" + text
                        + "' in column " + column + " is more than 292 years from '" + otherText
                        + "' on line " + otherLine + ", the widest span a 64-bit count of"
                        + " nanoseconds can represent; check the timestamps for a stray value");
            }
        }
    }

    /** Growable parallel columns of the parsed rows. */
    private static final class LongColumns {
        private long[] times = new long[1024];
        private long[] in = new long[1024];
        private long[] out = new long[1024];
        private int size;

        void add(long time, long tokensIn, long tokensOut) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                in = Arrays.copyOf(in, size * 2);
                out = Arrays.copyOf(out, size * 2);
            }
            times[size] = time;
            in[size] = tokensIn;
            out[size] = tokensOut;
            size++;
        }
    }
}
