package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestLogReaderTest {

    private static final RequestLogReader DETECT = new RequestLogReader(LogColumns.DETECT);

    @Test
    void read_detectsColumnsAndSortsByTime() throws IOException {
        String csv = "id,timestamp,model,tokens_in,tokens_out\n"
                + "a,2024-01-01T00:00:02Z,m,30,3\n"
                + "b,2024-01-01 00:00:00.5,m,10,1\n"
                + "c,\"2024-01-01T01:00:01+01:00\",m,20,2\n";

        RequestLog log = DETECT.read(new StringReader(csv), "log.csv");

        assertArrayEquals(new long[] {10, 20, 30}, log.tokensIn());
        assertArrayEquals(new long[] {1, 2, 3}, log.tokensOut());
        long[] nanos = log.arrivalNanos();
        assertEquals(500_000_000L, nanos[1] - nanos[0]);
        assertEquals(1_000_000_000L, nanos[2] - nanos[1]);
    }

    @Test
    void read_offsetsOfEveryIsoForm_giveTheSameInstant() throws IOException {
        // PostgreSQL prints timestamptz as +00, strftime's %z as +0000: both are ISO-8601.
        String csv = "timestamp,tokens_in,tokens_out\n"
                + "2024-01-01T00:00:00Z,1,1\n"
                + "2024-01-01 01:00:01+01:00,2,2\n"
                + "2024-01-01 01:00:02+0100,3,3\n"
                + "2023-12-31 19:00:03.5-05,4,4\n"
                + "2024-01-01T00:00:04+00,5,5\n";

        RequestLog log = DETECT.read(new StringReader(csv), "log.csv");

        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, log.tokensIn());
        long[] nanos = log.arrivalNanos();
        assertArrayEquals(new long[] {0, 1_000_000_000L, 2_000_000_000L, 3_500_000_000L,
            4_000_000_000L}, new long[] {0, nanos[1] - nanos[0], nanos[2] - nanos[0],
                nanos[3] - nanos[0], nanos[4] - nanos[0]});
    }

    @Test
    void read_invalidDateTime_givesTheParsersReason() {
        assertReadError("time,tokens_in,tokens_out\n2023-02-30 10:00:00,1,2\n"
                        + "2023-03-01 10:00:00,1,2\n",
                "log.csv:2:1: timestamp '2023-02-30 10:00:00' in column time is invalid: expected"
                        + " an ISO-8601 date-time such as 2023-11-16 18:17:03.97996 or a number"
                        + " of seconds within the range of a 64-bit count of nanoseconds"
                        + " (Invalid date 'FEBRUARY 30')");
    }

    @Test
    void read_numericSecondsAndNamedColumns() throws IOException {
        RequestLogReader reader = new RequestLogReader(new LogColumns("t", "p", "g"));
        String csv = "t,p,g\n0.25,5,6\n1.75,7,8\n";

        RequestLog log = reader.read(new StringReader(csv), "log.csv");

        assertArrayEquals(new long[] {250_000_000L, 1_750_000_000L}, log.arrivalNanos());
    }

    @Test
    void read_negativeNumbers_countFromTheirOrigin() throws IOException {
        // Plain numbers may count from any origin, such as the start of a load test.
        RequestLog log = DETECT.read(new StringReader(
                "time,tokens_in,tokens_out\n-1.5,1,1\n0.5,2,2\n-0.25,3,3\n"), "log.csv");

        assertArrayEquals(new long[] {-1_500_000_000L, -250_000_000L, 500_000_000L},
                log.arrivalNanos());
    }

    @Test
    void read_badRowsNameFileAndLine() {
        String header = "TIMESTAMP,ContextTokens,GeneratedTokens\n";
        String good = "2023-11-16 18:15:46.68059,374,44\n";
        assertReadError(header + good + "2023-11-16 18:15:47,-3,44\n",
                "log.csv:3:21: token count '-3' in column ContextTokens is not a whole number of "
                        + "zero or more; write the count as digits, such as 250, or name the"
                        + " tokens-in column with the --tokens-in-column option");
        assertReadError(header + good + good + "2023-11-16 18:15:47,12,4.5\n",
                "log.csv:4:24: token count '4.5' in column GeneratedTokens is not a whole number"
                        + " of "
                        + "zero or more; write the count as digits, such as 250, or name the"
                        + " tokens-out column with the --tokens-out-column option");
        assertReadError(header + good + "2023-11-16 18:15:47,+3,44\n",
                "log.csv:3:21: token count '+3' in column ContextTokens is not a whole number of "
                        + "zero or more; write the count as digits, such as 250, or name the"
                        + " tokens-in column with the --tokens-in-column option");
        assertReadError(header + good + "2023-11-16 18:15:47,\u0663,44\n",
                "log.csv:3:21: token count '\u0663' in column ContextTokens is not a whole number"
                        + " of "
                        + "zero or more; write the count as digits, such as 250, or name the"
                        + " tokens-in column with the --tokens-in-column option");
        assertReadError(header + "yesterday,1,2\n" + good,
                "log.csv:2:1: timestamp 'yesterday' in column TIMESTAMP is invalid: expected an "
                        + "ISO-8601 date-time such as 2023-11-16 18:17:03.97996 or a number of "
                        + "seconds within the range of a 64-bit count of nanoseconds");
        assertReadError("time,tokens_in,tokens_out\n1700000000000000,1,2\n1700000000000001,1,2\n",
                "log.csv:2:1: timestamp '1700000000000000' in column time is invalid: a number of"
                        + " seconds too large for a 64-bit count of nanoseconds; if the log"
                        + " counts a smaller unit, such as epoch milliseconds, name it with"
                        + " --timestamp-unit");
        assertReadError(header + good + "2023-11-16 18:15:47,1\n",
                "log.csv:3:22: expected 3 fields as in the header but found 2; give the line one"
                        + " value for each column of the header");
        assertReadError(header + good, "log.csv:2:1: the log has 1 request, but fitting needs at "
                + "least 2; give a log with more requests");
        assertReadError("time,tokens_in,tokens_out\n5,1,1\n\n5,2,2\n5,3,3\n",
                "log.csv:2:1: every request has the timestamp '5' in column time, but fitting"
                        + " needs arrivals spread over time; give a log whose requests arrive at"
                        + " different times, or name the arrival time column with the"
                        + " --timestamp-column option");
        assertReadError("", "log.csv:1:1: the log is empty; expected a header line naming the "
                + "timestamp and token columns");
    }

    @Test
    void read_dateTimeOutOfRange_givesTheRange() {
        assertReadError("time,tokens_in,tokens_out\n0001-01-01T00:00:00Z,1,2\n"
                        + "2023-11-16T18:15:46Z,1,2\n",
                "log.csv:2:1: timestamp '0001-01-01T00:00:00Z' in column time is invalid: a"
                        + " date-time out of range: a 64-bit count of nanoseconds reaches from"
                        + " 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z;"
                        + " check the column and the row");
    }

    @Test
    void read_missingColumnListsExpectedNames() {
        assertReadError("when,tokens_in,tokens_out\n1,2,3\n",
                "log.csv:1:1: no timestamp column: expected one of [timestamp, time, createdat, "
                        + "date] in the header [when, tokens_in, tokens_out]; name the column "
                        + "with the --timestamp-column option");
    }

    @Test
    void read_namedColumnMissing_asksForAHeaderName() {
        RequestLogReader reader = new RequestLogReader(new LogColumns(null, null, "completion"));

        InputFormatException e = assertThrows(InputFormatException.class, () -> reader.read(
                new StringReader("time,tokens_in,output\n1,2,3\n2,2,3\n"), "log.csv"));

        assertEquals("log.csv:1:1: no tokens-out column: expected 'completion' in the header"
                + " [time, tokens_in, output]; give --tokens-out-column one of the names in the"
                + " header", e.getMessage());
    }

    @Test
    void read_missingColumn_cutsLongHeaderNames() {
        String name = "x".repeat(500);

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> DETECT.read(new StringReader(name + ",tokens_in,tokens_out\n1,2,3\n"),
                        "log.csv"));

        assertEquals("log.csv:1:1: no timestamp column: expected one of [timestamp, time,"
                + " createdat, date] in the header [" + "x".repeat(80) + "... (500 characters),"
                + " tokens_in, tokens_out]; name the column with the --timestamp-column option",
                e.getMessage());
    }

    @Test
    void read_headerRepeated_saysSo() {
        // cat a.csv b.csv repeats the header, with b.csv's byte order mark if it has one.
        String log = "timestamp,tokens_in,tokens_out\n0,1,1\n1,2,2\n";
        assertReadError(log + "\uFEFF" + log,
                "log.csv:4:1: the line repeats the header line, as joining logs with cat leaves"
                        + " it; remove the line, or join the logs without their headers after the"
                        + " first, such as with tail -n +2");
    }

    @Test
    void read_invisibleCharacterInAValue_isEscaped() {
        assertReadError("timestamp,tokens_in,tokens_out\n0,1,1\n1,\u200B2,2\n",
                "log.csv:3:3: token count '\\u200B2' in column tokens_in is not a whole number"
                        + " of zero or more; write the count as digits, such as 250, or name the"
                        + " tokens-in column with the --tokens-in-column option");
    }

    @Test
    void read_otherSeparator_asksForCommas() {
        for (String separator : List.of(";", "\t", "|")) {
            String header = String.join(separator, "time", "tokens_in", "tokens_out");
            // A tab shows as \t, so that the message stays readable.
            String shown = separator.equals("\t") ? "\\t" : separator;

            assertReadError(header + "\n" + String.join(separator, "1", "2", "3") + "\n",
                    "log.csv:1:1: no timestamp column: expected one of [timestamp, time,"
                            + " createdat, date] in the header ["
                            + String.join(shown, "time", "tokens_in", "tokens_out") + "]; the"
                            + " header is one field that contains '" + separator + "', so write"
                            + " the log with commas between its fields");
        }
    }

    @Test
    void read_duplicateTimeColumnRejected() {
        assertReadError("time,tokens_in,time,tokens_out\n1,2,5,3\n2,2,6,3\n",
                "log.csv:1:16: ambiguous timestamp column: header fields 1 'time' and 3 'time'"
                        + " both "
                        + "match; rename or remove one of the two columns");
    }

    @Test
    void read_twoTimestampSpellingsRejected() {
        assertReadError("timestamp,date,tokens_in,tokens_out\n1,1,2,3\n2,2,2,3\n",
                "log.csv:1:11: ambiguous timestamp column: header fields 1 'timestamp' and 2"
                        + " 'date' "
                        + "both match; name the column to use with the --timestamp-column "
                        + "option");
    }

    @Test
    void read_oneColumnForTwoRolesRejected() {
        RequestLogReader reader = new RequestLogReader(new LogColumns(null, "time", null));

        InputFormatException e = assertThrows(InputFormatException.class, () -> reader.read(
                new StringReader("time,tokens_in,tokens_out\n1,2,3\n2,2,3\n"), "log.csv"));

        assertEquals("log.csv:1:1: header field 1 'time' is both the timestamp and the tokens-in"
                + " column; name another column with --timestamp-column or --tokens-in-column",
                e.getMessage());
    }

    private static void assertReadError(String csv, String message) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> DETECT.read(new StringReader(csv), "log.csv"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void read_mixedTimestampFormsRejected() {
        assertReadError("timestamp,tokens_in,tokens_out\n2023-11-16 18:15:46,1,1\n5.5,1,1\n",
                "log.csv:3:1: timestamp '5.5' in column timestamp is a number of seconds, but line"
                        + " 2 has a date-time; write every timestamp of the log in one form");
        assertReadError("timestamp,tokens_in,tokens_out\n0,1,1\n\n2023-11-16T00:00:00Z,1,1\n",
                "log.csv:4:1: timestamp '2023-11-16T00:00:00Z' in column timestamp is a date-time,"
                        + " but line 2 has a number of seconds; write every timestamp of the log"
                        + " in one form");
    }

    @Test
    void read_byteOrderMarkAloneIsEmpty() {
        assertReadError("\uFEFF", "log.csv:1:1: the log is empty; expected a header line naming"
                + " the timestamp and token columns");
        assertReadError("\uFEFF\r\n \r\n", "log.csv:1:1: the log is empty; expected a header"
                + " line naming the timestamp and token columns");
    }

    @Test
    void read_blankHeaderBeforeRowsRejected() {
        assertReadError("\ntimestamp,tokens_in,tokens_out\n0,1,1\n1,1,1\n",
                "log.csv:1:1: the header line is blank; expected a header line naming the"
                        + " timestamp and token columns, so remove the blank lines before it");
    }

    @Test
    void read_spanBeyondNanosecondRangeRejected() {
        // 1678 to 2262 fits a 64-bit count of nanoseconds, but the gap between them does not.
        assertReadError("timestamp,tokens_in,tokens_out\n1970-01-01T00:00:00,1,1\n"
                + "1678-01-01T00:00:00,1,1\n2262-01-01T00:00:00,1,1\n",
                "log.csv:4:1: timestamp '2262-01-01T00:00:00' in column timestamp is more than"
                        + " 292 years from '1678-01-01T00:00:00' on line 3, the widest span a"
                        + " 64-bit count of nanoseconds can represent; check the timestamps for"
                        + " a stray value");
    }

    @Test
    void read_quotedFields_followRfc4180() throws IOException {
        String csv = "timestamp,\"note, free text\",tokens_in,tokens_out\r\n"
                + "0,\"a, b\",1,10\r\n"
                + "1,\"she said \"\"hi, you\"\"\",2,20\r\n"
                + "2,\"two\r\nlines, and a comma\",3,30\r\n"
                + "\"3\", x ,\" 4 \",\"40\"\r\n";

        RequestLog log = DETECT.read(new StringReader(csv), "log.csv");

        assertArrayEquals(new long[] {1, 2, 3, 4}, log.tokensIn());
        assertArrayEquals(new long[] {10, 20, 30, 40}, log.tokensOut());
    }

    @Test
    void read_lineBreakInQuotes_keepsLineNumbersOfTheFile() {
        assertReadError("timestamp,note,tokens_in,tokens_out\n0,\"two\nlines\",1,1\n1,x,one,1\n",
                "log.csv:4:5: token count 'one' in column tokens_in is not a whole number of"
                        + " zero or more; write the count as digits, such as 250, or name the"
                        + " tokens-in column with the --tokens-in-column option");
    }

    @Test
    void read_unclosedQuote_namesWhereItOpens() {
        assertReadError("timestamp,note,tokens_in,tokens_out\n0,x,1,1\n1,\"oops,2,2\n2,y,3,3\n",
                "log.csv:3:3: the quoted field that starts here has no closing quote, and the"
                        + " log ends inside it; end the field with \", and write a quote inside a"
                        + " quoted field as \"\"");
    }

    @Test
    void read_unquotedComma_pointsAtTheFirstExtraField() {
        assertReadError("timestamp,tokens_in,tokens_out,model\n0,1,1,a\n1,2,2,gpt-4,turbo\n",
                "log.csv:3:13: expected 4 fields as in the header but found 5; give the line one"
                        + " value for each column of the header, and enclose a value that"
                        + " contains a comma in double quotes");
    }

    @Test
    void read_controlCharactersInAValue_areEscaped() {
        assertReadError("timestamp,tokens_in,tokens_out\n\"2023-11-16\n18:00:00\",1,1\n",
                "log.csv:2:1: timestamp '2023-11-16\\n18:00:00' in column timestamp is invalid:"
                        + " expected an ISO-8601 date-time such as 2023-11-16 18:17:03.97996 or"
                        + " a number of seconds within the range of a 64-bit count of"
                        + " nanoseconds");
    }
}
