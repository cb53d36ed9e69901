package dev.headroom.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a request log in CSV: a header line, then one request per line, with at least an arrival
 * time and the prompt and generated token counts. Other columns are ignored. Fields may be
 * enclosed in double quotes, as RFC 4180 writes them: a quoted field may hold commas and line
 * breaks, and {@code ""} inside it stands for one quote.
 *
 * <p>Arrival times are either ISO-8601 date-times ({@code 2023-11-16 18:17:03.97996} or
 * {@code 2023-11-16T18:17:03Z}; a time without an offset is read as UTC) or plain numbers of
 * seconds from any origin. Token counts are whole numbers, zero or more.
 *
 * <p>Every error names the source, line and column: {@code log.csv:12:21: ...}.
 */
public final class RequestLogReader {

    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");
    private static final String[] ROLES = {"timestamp", "tokens-in", "tokens-out"};

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
     * Reads a log file in one pass, so that a pipe such as {@code <(zcat log.csv.gz)} works.
     *
     * @throws InputFormatException naming the file, line and column of the first malformed
     *     row, or of the first byte that is not valid UTF-8
     */
    public RequestLog read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(new Utf8Lines(in, file.toString(), "log"), file.toString());
        }
    }

    /**
     * Reads a log from {@code reader}; {@code source} names it in error messages.
     *
     * @throws InputFormatException naming the source, line and column of the first malformed
     *     row
     */
    public RequestLog read(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        return read(lines::readLine, source);
    }

    private RequestLog read(CsvRecords.LineSource lineSource, String source) throws IOException {
        CsvRecords records = new CsvRecords(lineSource, source);
        CsvRecords.Row header = records.next();
        if (header == null || header.blank()) {
            if (header == null || !hasText(records)) {
                throw new InputFormatException(source, 1, 1, "the log is empty; expected a"
                        + " header line naming the timestamp and token columns");
            }
            throw new InputFormatException(source, 1, 1, "the header line is blank; expected a"
                    + " header line naming the timestamp and token columns, so remove the blank"
                    + " lines before it");
        }
        int[] index = {
            find(header, columns.timestamp(), LogColumns.TIMESTAMP_NAMES, 0, source),
            find(header, columns.tokensIn(), LogColumns.TOKENS_IN_NAMES, 1, source),
            find(header, columns.tokensOut(), LogColumns.TOKENS_OUT_NAMES, 2, source)
        };
        checkDistinct(index, header, source);
        String timeName = header.value(index[0]);
        LongColumns rows = new LongColumns();
        CsvRecords.Field firstTime = null;
        boolean firstRowNumeric = false;
        boolean timesDiffer = false;
        TimeRange range = new TimeRange();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            if (row.blank()) {
                continue;
            }
            parseRow(row, header, index, source, rows);
            CsvRecords.Field time = row.field(index[0]);
            boolean numeric = Timestamps.isNumber(time.value());
            if (firstTime == null) {
                firstTime = time;
                firstRowNumeric = numeric;
            } else if (numeric != firstRowNumeric) {
                throw error(source, time, "timestamp '" + CsvRecords.shown(time.value())
                        + "' in column " + timeName + " is "
                        + (numeric ? numberUnit.words() : "a date-time") + ", but line "
                        + firstTime.line() + " has " + (numeric ? "a date-time"
                        : numberUnit.words()) + "; write every timestamp of the log in one"
                        + " form");
            }
            range.add(rows.times[rows.size - 1], time, timeName, source);
            timesDiffer |= rows.times[rows.size - 1] != rows.times[0];
        }
        if (rows.size < 2) {
            String found = rows.size == 1 ? "1 request" : rows.size + " requests";
            throw new InputFormatException(source, Math.max(1, records.lineNumber()), 1,
                    "the log has " + found + ", but fitting needs at least 2; give a log with"
                    + " more requests");
        }
        if (!timesDiffer) {
            throw error(source, firstTime, "every request has the timestamp '"
                    + CsvRecords.shown(firstTime.value()) + "' in column " + timeName
                    + ", but fitting needs arrivals spread over time; give a log whose requests"
                    + " arrive at different times, or name the arrival time column with the"
                    + " --timestamp-column option");
        }
        return new RequestLog(source, Arrays.copyOf(rows.times, rows.size),
                Arrays.copyOf(rows.in, rows.size), Arrays.copyOf(rows.out, rows.size), true);
    }

    private void parseRow(CsvRecords.Row row, CsvRecords.Row header, int[] index,
            String source, LongColumns rows) {
        if (row.size() != header.size()) {
            boolean fewer = row.size() < header.size();
            long line = fewer ? row.endLine() : row.field(header.size()).line();
            long column = fewer ? row.endColumn() : row.field(header.size()).column();
            throw new InputFormatException(source, line, column, "expected " + header.size()
                    + " fields as in the header but found " + row.size() + "; give the line"
                    + " one value for each column of the header"
                    + (fewer ? "" : ", and enclose a value that contains a comma in double"
                            + " quotes"));
        }
        if (repeatsHeader(row, header)) {
            throw new InputFormatException(source, row.line(), 1, "the line repeats the header"
                    + " line, as joining logs with cat leaves it; remove the line, or join the"
                    + " logs without their headers after the first, such as with tail -n +2");
        }
        CsvRecords.Field time = row.field(index[0]);
        long nanos;
        try {
            nanos = Timestamps.parseNanos(time.value(), numberUnit);
        } catch (IllegalArgumentException e) {
            throw error(source, time, "timestamp '" + CsvRecords.shown(time.value())
                    + "' in column " + header.value(index[0]) + " is invalid: "
                    + e.getMessage());
        }
        long in = parseTokens(row.field(index[1]), header.value(index[1]), ROLES[1], source);
        long out = parseTokens(row.field(index[2]), header.value(index[2]), ROLES[2], source);
        rows.add(nanos, in, out);
    }

    /** Returns whether a row repeats the header's names, byte order mark or not. */
    private static boolean repeatsHeader(CsvRecords.Row row, CsvRecords.Row header) {
        for (int i = 0; i < header.size(); i++) {
            String value = row.value(i);
            if (i == 0 && value.startsWith("\uFEFF")) {
                value = value.substring(1);
            }
            if (!value.equals(header.value(i))) {
                return false;
            }
        }
        return true;
    }

    private static InputFormatException error(String source, CsvRecords.Field field,
            String problem) {
        return new InputFormatException(source, field.line(), field.column(), problem);
    }

    /**
     * Parses a count written in ASCII digits only, because {@code Long.parseLong} also accepts a
     * sign and the digits of other scripts.
     */
    private static long parseTokens(CsvRecords.Field field, String column, String role,
            String source) {
        String text = field.value();
        if (ASCII_DIGITS.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text);
                if (value <= TokenSizeTable.MAX_TOKENS) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Too many digits for a long: larger than any allowed count.
            }
            throw error(source, field, "token count " + CsvRecords.shown(text) + " in column "
                    + column + " is above " + TokenSizeTable.MAX_TOKENS + ", the most one"
                    + " request may have; check the column's units");
        }
        throw error(source, field, "token count '" + CsvRecords.shown(text) + "' in column "
                + column + " is not a whole number of zero or more; write the count as digits,"
                + " such as 250, or name the " + role + " column with the --" + role
                + "-column option");
    }

    /** Rejects a header field chosen for two of the three roles, as by a mistyped column option. */
    private static void checkDistinct(int[] index, CsvRecords.Row header, String source) {
        for (int first = 0; first < index.length; first++) {
            for (int second = first + 1; second < index.length; second++) {
                if (index[first] == index[second]) {
                    throw error(source, header.field(index[first]), "header field "
                            + (index[first] + 1) + " '" + header.value(index[first])
                            + "' is both the " + ROLES[first] + " and the " + ROLES[second]
                            + " column; name another column with --" + ROLES[first]
                            + "-column or --" + ROLES[second] + "-column");
                }
            }
        }
    }

    /**
     * Returns the index of the one header field that matches the role. Two matching fields are
     * an error, because the reader cannot tell which one contains the values.
     */
    private static int find(CsvRecords.Row header, String wanted, List<String> usual, int role,
            String source) {
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = LogColumns.canonical(header.value(i));
            boolean match = wanted == null
                    ? usual.contains(name) : name.equals(LogColumns.canonical(wanted));
            if (match && found >= 0) {
                throw error(source, header.field(i), "ambiguous " + ROLES[role] + " column: "
                        + "header fields " + (found + 1) + " '" + header.value(found) + "' and "
                        + (i + 1) + " '" + header.value(i) + "' both match; "
                        + ambiguityFix(header.value(found), header.value(i), ROLES[role]));
            }
            if (match) {
                found = i;
            }
        }
        if (found >= 0) {
            return found;
        }
        List<String> names = header.fields().stream().map(CsvRecords.Field::value).toList();
        String shownNames = header.fields().stream().map(field -> CsvRecords.shown(field.value()))
                .collect(Collectors.joining(", ", "[", "]"));
        String expected = wanted == null ? "one of " + usual
                : "'" + CsvRecords.shown(wanted) + "'";
        throw new InputFormatException(source, header.line(), 1, "no " + ROLES[role]
                + " column: expected " + expected + " in the header "
                + CsvRecords.shown(shownNames, 2000) + "; "
                + (wanted == null ? missingColumnFix(names, ROLES[role])
                        : "give --" + ROLES[role] + "-column one of the names in the header"));
    }

    /**
     * Returns what to do about a missing column: write commas when the header is one field that
     * contains another common separator, or else name the column with its option.
     */
    private static String missingColumnFix(List<String> names, String role) {
        if (names.size() == 1) {
            for (String separator : List.of(";", "\t", "|")) {
                if (names.get(0).contains(separator)) {
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

    /** Returns whether any record left contains more than white space. */
    private static boolean hasText(CsvRecords records) throws IOException {
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            if (!row.blank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The earliest and latest arrival read so far, with their field. The fit subtracts arrival
     * times, so a row that puts two arrivals further apart than a 64-bit count of nanoseconds
     * can represent (about 292.5 years) is rejected where it is read.
     */
    private static final class TimeRange {
        private long earliest;
        private CsvRecords.Field earliestField;
        private long latest;
        private CsvRecords.Field latestField;

        void add(long nanos, CsvRecords.Field field, String column, String source) {
            if (earliestField == null) {
                earliest = nanos;
                earliestField = field;
                latest = nanos;
                latestField = field;
            } else if (nanos < earliest) {
                checkSpan(latest - nanos, field, column, latestField, source);
                earliest = nanos;
                earliestField = field;
            } else if (nanos > latest) {
                checkSpan(nanos - earliest, field, column, earliestField, source);
                latest = nanos;
                latestField = field;
            }
        }

        /** Rejects a span that overflowed, which the subtraction leaves negative. */
        private static void checkSpan(long span, CsvRecords.Field field, String column,
                CsvRecords.Field other, String source) {
            if (span < 0) {
                throw error(source, field, "timestamp '" + CsvRecords.shown(field.value())
                        + "' in column " + column + " is more than 292 years from '"
                        + CsvRecords.shown(other.value()) + "' on line " + other.line()
                        + ", the widest span a 64-bit count of nanoseconds can represent;"
                        + " check the timestamps for a stray value");
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
