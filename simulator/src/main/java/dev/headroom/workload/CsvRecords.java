package dev.headroom.workload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits lines of comma-separated values into records, as RFC 4180 writes them: a field
 * enclosed in double quotes may hold commas and line breaks, and {@code ""} inside it stands for
 * one quote. White space around a field and inside its quotes is dropped. A quote inside a field
 * that does not start with one is an ordinary character, and text after a closing quote is kept
 * with the field. A byte order mark at the start of the first line is dropped.
 *
 * <p>Every field keeps the line and column where it starts, for error messages. That is why
 * the records are split here: the CSV readers on the class path (univocity through tablesaw)
 * and commons-csv tell where a record starts, not where each of its fields does.
 */
final class CsvRecords {

    /**
     * The most characters a quoted field may hold, so that a quote never closed fails early: as
     * many as the bytes of the longest line.
     */
    static final int MAX_QUOTED_CHARS = Utf8Lines.MAX_LINE_BYTES;

    /** A source of lines without their terminators. */
    interface LineSource {
        /** Returns the next line, or {@code null} at the end. */
        String next() throws IOException;
    }

    /**
     * One field of a record. Its column is counted only when a message needs it.
     *
     * @param value the field's text without quotes and surrounding white space
     * @param line the 1-based line the field starts on
     * @param lineText the text of that line
     * @param index the index in {@code lineText} of the field's first character other than
     *     white space (its opening quote for a quoted field)
     */
    record Field(String value, long line, String lineText, int index) {

        /** Returns the 1-based column where the field starts, counted in code points. */
        long column() {
            return columnOf(lineText, index);
        }
    }

    /**
     * One record.
     *
     * @param line the 1-based line the record starts on
     * @param fields its fields; none for a line of white space only
     * @param endLine the line the record ends on
     * @param endText the text of that line
     */
    record Row(long line, List<Field> fields, long endLine, String endText) {

        /** Returns the column just after the record's last character. */
        long endColumn() {
            return columnOf(endText, endText.length());
        }

        /** Returns whether the record is a line of white space only. */
        boolean blank() {
            return fields.isEmpty();
        }

        String value(int field) {
            return fields.get(field).value();
        }

        Field field(int field) {
            return fields.get(field);
        }

        int size() {
            return fields.size();
        }
    }

    private final LineSource lines;
    private final String source;
    private long lineNumber;

    CsvRecords(LineSource lines, String source) {
        this.lines = lines;
        this.source = source;
    }

    /** Returns the number of the last line read. */
    long lineNumber() {
        return lineNumber;
    }

    /**
     * Returns the next record, or {@code null} at the end.
     *
     * @throws InputFormatException at the opening quote of a quoted field that never closes
     */
    Row next() throws IOException {
        String text = lines.next();
        if (text == null) {
            return null;
        }
        lineNumber++;
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long start = lineNumber;
        if (text.isBlank()) {
            return new Row(start, List.of(), start, text);
        }
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            int begin = i;
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '"') {
                long fieldLine = lineNumber;
                String fieldText = text;
                int fieldIndex = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i == text.length()) {
                        String more = lines.next();
                        if (more == null) {
                            throw unclosed(fieldLine, columnOf(fieldText, fieldIndex),
                                    "the log ends inside it");
                        }
                        lineNumber++;
                        value.append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        value.append(c);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        break;
                    }
                    if (value.length() > MAX_QUOTED_CHARS) {
                        throw unclosed(fieldLine, columnOf(fieldText, fieldIndex),
                                "it runs past " + MAX_QUOTED_CHARS + " characters");
                    }
                }
                int end = fieldEnd(text, i);
                value.append(text, i, end);
                fields.add(new Field(value.toString().strip(), fieldLine, fieldText, fieldIndex));
                i = end;
            } else {
                int end = fieldEnd(text, i);
                fields.add(new Field(text.substring(begin, end).strip(), lineNumber, text,
                        i < end ? i : begin));
                i = end;
            }
            if (i == text.length()) {
                return new Row(start, fields, lineNumber, text);
            }
            i++;
        }
    }

    private InputFormatException unclosed(long line, long column, String why) {
        return new InputFormatException(source, line, column, "the quoted field that starts"
                + " here has no closing quote, and " + why + "; end the field with \", and"
                + " write a quote inside a quoted field as \"\"");
    }

    private static int fieldEnd(String text, int from) {
        int comma = text.indexOf(',', from);
        return comma < 0 ? text.length() : comma;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c);
    }

    /**
     * Returns {@code value} as a message shows it: line breaks, tabs and other control
     * characters escaped, so that the message stays on one line, invisible format characters
     * such as a byte order mark escaped, and cut after 80 characters.
     */
    static String shown(String value) {
        return shown(value, 80);
    }

    /** Returns {@code value} as {@link #shown(String)} does, cut after {@code max} characters. */
    static String shown(String value, int max) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            if (shown == max) {
                return text + "... (" + value.codePointCount(0, value.length())
                        + " characters)";
            }
            int c = value.codePointAt(i);
            if (c == '\n') {
                text.append("\\n");
            } else if (c == '\r') {
                text.append("\\r");
            } else if (c == '\t') {
                text.append("\\t");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                text.append(String.format("\\u%04X", c));
            } else {
                text.appendCodePoint(c);
            }
            shown++;
        }
        return text.toString();
    }

    /** Returns the 1-based column of the character at {@code index}, counted in code points. */
    static long columnOf(String text, int index) {
        return text.codePointCount(0, index) + 1L;
    }
}
