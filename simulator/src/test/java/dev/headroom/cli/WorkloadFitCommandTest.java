package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.workload.TokenSizeTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkloadFitCommandTest {

    /** A valid request log of two rows. */
    private static final String TWO_ROWS = "timestamp,tokens_in,tokens_out\n0,1,1\n1,2,2\n";

    private static final String ZERO_PROMPT_WARNING = "headroom: warning: every prompt token"
            + " count in the log is 0, so runs that use the fitted table bill no input tokens;"
            + " check that the prompt tokens column holds counts, or name it with"
            + " --tokens-in-column";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void fit_printsFiguresAndWritesTable() throws IOException {
        Path log = write("log.csv", "timestamp,tokens_in,tokens_out\n"
                + "0,100,10\n1,200,20\n2.5,300,30\n3,400,40\n4,500,50\n");
        Path table = dir.resolve("sizes.csv");

        int code = execute(log.toString(), "--write", table.toString(), "--comment", "test log");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("Requests: 5 over 4.0 s (1.000 per second,"
                + " 86400.0 per day)"), out + "");
        assertTrue(out.toString().matches("(?s).*\\n0\\.5 +300\\.0 +30\\.0\\R.*"), out + "");
        assertTrue(out.toString().matches("(?s).*\\n1 s +4 +1\\.000 +0\\.000 +0\\.000\\R.*"),
                out + "");
        assertFalse(out.toString().contains("Where the 1 min dispersion"),
                "a 4 s log has no 1 min dispersion to advise on");
        TokenSizeTable sizes = readTable(table);
        assertEquals("test log", sizes.comments().get(0));
        assertEquals(250, sizes.tokensIn().quantile(0.375), 1e-9);
    }

    @Test
    void fit_smallProxyLog_printsTheRatePerDay() throws IOException {
        // 100 requests a day, as ten users of the seed plan send them, is 0.001 per second.
        StringBuilder text = new StringBuilder("timestamp,tokens_in,tokens_out\n");
        for (int i = 0; i <= 300; i++) {
            text.append(i * 864).append(",1,1\n");
        }
        Path log = write("small.csv", text.toString());

        int code = execute(log.toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("Requests: 301 over 259200.0 s (0.001 per second,"
                + " 100.0 per day)"), out.toString());
        assertTrue(out.toString().contains("Where the 1 min dispersion is well above 1"),
                out.toString());
    }

    @Test
    void fit_badRowExitsTwoWithFileAndLine() throws IOException {
        Path log = write("bad.csv", "timestamp,tokens_in,tokens_out\n0,1,1\n1,one,1\n");

        int code = execute(log.toString());

        assertRejected(code, "headroom: " + log + ":3:3: token count 'one' in column tokens_in is"
                + " not a whole number of zero or more; write the count as digits, such as 250,"
                + " or name the tokens-in column with the --tokens-in-column option");
        assertEquals("", out.toString());
    }

    @Test
    void fit_unknownTimestampUnitExitsTwo() throws IOException {
        Path log = write("ms.csv", "time_ms,tokens_in,tokens_out\n0,1,1\n1000,1,1\n");

        int code = execute(log.toString(), "--timestamp-unit", "minutes");

        assertRejected(code,
                "headroom: --timestamp-unit: invalid value 'minutes'; use s, ms, us or ns");
    }

    @Test
    void fit_millisecondTimestamps_giveRatePerSecond() throws IOException {
        Path log = write("ms.csv", "timestamp,tokens_in,tokens_out\n0,1,1\n500,1,1\n1000,1,1\n");

        int code = execute(log.toString(), "--timestamp-unit", "ms");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("Requests: 3 over 1.0 s (2.000 per second,"
                + " 172800.0 per day)"),
                out.toString());
    }

    @Test
    void fit_missingFileExitsTwo() {
        Path missing = dir.resolve("none.csv");

        int code = execute(missing.toString());

        assertRejected(code, "headroom: " + missing + ": file not found; check the path of the"
                + " CSV request log");
    }

    @Test
    void fit_folderExitsTwoWithOneLine() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("dir.csv"));

        int code = execute(folder.toString());

        assertRejected(code, "headroom: " + folder + ": is a folder, not a file; give the path of"
                + " a CSV request log");
    }

    @Test
    void fit_notUtf8ExitsTwoWithLine() throws IOException {
        byte[] latin1 = "timestamp,tokens_in,tokens_out,note\n0,1,1,a\n1,2,2,caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path log = Files.write(dir.resolve("latin1.csv"), latin1);

        int code = execute(log.toString());

        assertRejected(code, "headroom: " + log + ":3:10: byte 0xE9 is not valid UTF-8 text; save"
                + " the log with UTF-8 encoding");
    }

    @Test
    void fit_utf16_saysSo() throws IOException {
        Path log = Files.write(dir.resolve("utf16.csv"),
                ("\uFEFF" + TWO_ROWS).getBytes(StandardCharsets.UTF_16LE));

        int code = execute(log.toString());

        assertRejected(code, "headroom: " + log + ":1:1: the log starts with the byte order mark"
                + " of UTF-16 text; save the log with UTF-8 encoding");
    }

    @Test
    void fit_gzipLog_asksToDecompress() throws IOException {
        Path log = dir.resolve("log.csv.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(log))) {
            gzip.write(TWO_ROWS.getBytes(StandardCharsets.UTF_8));
        }

        int code = execute(log.toString());

        assertRejected(code, "headroom: " + log + ":1:1: the log is a gzip file, not CSV text;"
                + " decompress it first, for example with <(zcat FILE) for gzip or"
                + " <(unzip -p FILE) for zip");
    }

    @Test
    void fit_fileWithoutLineBreaks_stopsAtTheLineLimit() throws IOException {
        // A file of more than 1 GiB with no line break used to overflow the line's array and
        // end as an internal error; the limit stops it far sooner.
        Path log = dir.resolve("one-line.csv");
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'a');
        try (OutputStream file = Files.newOutputStream(log)) {
            for (int i = 0; i <= 64; i++) {
                file.write(block);
            }
        }

        int code = execute(log.toString());

        assertRejected(code, "headroom: " + log + ":1:1: the line is longer than 64 MiB; check"
                + " that the file is a log in CSV, with line breaks between its rows");
    }

    @Test
    void fit_notUtf8FromAPipe_namesTheLineAndColumn() throws Exception {
        // A pipe, such as <(zcat log.csv.gz), can be read only once: the line must be found in
        // the same pass, beyond the bytes a reader buffers ahead.
        Path fifo = dir.resolve("pipe.csv");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        StringBuilder text = new StringBuilder("timestamp,tokens_in,tokens_out,note\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",1,1,abc\n");
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "20000,1,1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Thread writer = new Thread(() -> {
            try (OutputStream pipe = Files.newOutputStream(fifo)) {
                pipe.write(head);
                pipe.write(bad);
                for (int i = 0; i < 20_000; i++) {
                    pipe.write("1,1,1,abc\n".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException closedByReader) {
                // The fit stops reading at the bad byte.
            }
        });
        writer.start();

        int code = execute(fifo.toString());
        writer.join(10_000);

        assertRejected(code, "headroom: " + fifo + ":20002:14: byte 0xE9 is not valid UTF-8 text;"
                + " save the log with UTF-8 encoding");
    }

    @Test
    void fit_writeToFolderExitsTwo() throws IOException {
        Path log = write("log.csv", TWO_ROWS);

        int code = execute(log.toString(), "--write", dir + "/");

        assertRejected(code, "headroom: --write " + dir + "/: is a folder, not a file; give"
                + " --write the path of a file, such as " + dir.resolve("token-sizes.csv"));
        assertEquals("", out.toString());
    }

    @Test
    void fit_writeToMissingFolder_exitsTwo() throws IOException {
        Path log = write("log.csv", TWO_ROWS);
        String target = dir.resolve("tables") + "/";

        int code = execute(log.toString(), "--write", target);

        assertRejected(code, "headroom: --write " + target + ": ends with '/', so it names a"
                + " folder; give --write the path of a file, such as "
                + dir.resolve("tables").resolve("token-sizes.csv"));
        assertFalse(Files.exists(dir.resolve("tables")));
    }

    @Test
    void fit_writeEmpty_exitsTwoBeforeFitting() throws IOException {
        Path log = write("log.csv", TWO_ROWS);

        int code = execute(log.toString(), "--write", "");

        assertRejected(code, "headroom: --write is empty; give --write the path of a file for the"
                + " token-size table, such as token-sizes.csv");
        assertEquals("", out.toString());
    }

    @Test
    void fit_writeIntoMissingFolder_exitsTwoBeforeFitting() throws IOException {
        Path log = write("log.csv", TWO_ROWS);
        Path folder = dir.resolve("absent");
        String target = folder.resolve("sizes.csv").toString();

        int code = execute(log.toString(), "--write", target);

        assertRejected(code, "headroom: --write " + target + ": folder " + folder + " not found;"
                + " create it, or give --write the path of a file in an existing folder");
        assertEquals("", out.toString());
    }

    @Test
    void fit_writeUnderFile_exitsTwoBeforeFitting() throws IOException {
        Path log = write("log.csv", TWO_ROWS);
        String target = log.resolve("sizes.csv").toString();

        int code = execute(log.toString(), "--write", target);

        assertRejected(code, "headroom: --write " + target + ": " + log + " is a file, not a"
                + " folder; give --write the path of a file in an existing folder");
        assertEquals("", out.toString());
    }

    @Test
    void fit_writeOntoLog_rejected() throws IOException {
        Path log = write("log.csv", TWO_ROWS);

        int code = execute(log.toString(), "--write", log.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("is the request log itself"), err + "");
        assertEquals(TWO_ROWS, Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void fit_hugeTokenCountExitsTwoWithBound() throws IOException {
        Path log = write("huge.csv", "timestamp,tokens_in,tokens_out\n0,1,1\n"
                + "1,9223372036854775807,1\n2,99999999999999999999,1\n");

        int code = execute(log.toString());

        assertRejected(code, "headroom: " + log + ":3:3: token count 9223372036854775807 in"
                + " column tokens_in is above 10000000, the most one request may have; check the"
                + " column's units");
    }

    @Test
    void fit_printsLogAndTableMeans() throws IOException {
        Path log = write("log.csv", "timestamp,tokens_in,tokens_out\n0,1,10\n1,2,20\n"
                + "2,6,60\n");
        Path table = dir.resolve("sizes.csv");

        int code = execute(log.toString(), "--write", table.toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().matches("(?s).*\\nmean +3\\.0 +30\\.0 +\\(the log's\\).*"),
                out + "");
        // The table's means are those of the quantile table the fit wrote, which runs draw from.
        TokenSizeTable sizes = readTable(table);
        String tableMeans = String.format(Locale.ROOT, "\nmean +%.1f +%.1f +\\(the table's",
                sizes.tokensIn().mean(), sizes.tokensOut().mean());
        assertTrue(Pattern.compile(tableMeans).matcher(out.toString()).find(), out::toString);
    }

    @Test
    void fit_noArgumentExitsTwoWithUsage() {
        int code = execute();

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("Missing required parameter: 'LOG.csv'"), err + "");
    }

    @Test
    void fit_strayTimestamp_warns() throws IOException {
        Path log = write("stray.csv", "timestamp,tokens_in,tokens_out\n"
                + "1970-01-01T00:00:00Z,1,1\n2023-11-16T00:00:00Z,1,1\n"
                + "2023-11-16T00:00:01Z,1,1\n2023-11-16T00:00:02Z,1,1\n");

        int code = execute(log.toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().startsWith("headroom: warning: one gap between arrivals is "),
                err.toString());
    }

    @Test
    void fit_zeroPromptTokens_warnsOnce() throws IOException {
        Path log = write("zero-in.csv", "timestamp,tokens_in,tokens_out\n0,0,5\n1,0,7\n2,0,0\n");

        int code = execute(log.toString());

        assertEquals(0, code, err.toString());
        assertEquals(List.of(ZERO_PROMPT_WARNING), err.toString().lines().toList());
    }

    @Test
    void fit_allTokensZero_warnsForBoth() throws IOException {
        Path log = write("zero.csv", "timestamp,tokens_in,tokens_out\n0,0,0\n1,0,0\n");
        Path table = dir.resolve("sizes.csv");

        int code = execute(log.toString(), "--write", table.toString());

        assertEquals(0, code, err.toString());
        assertEquals(List.of(ZERO_PROMPT_WARNING, "headroom: warning: every generated token count"
                + " in the log is 0, so runs that use the fitted table bill no output tokens;"
                + " check that the generated tokens column holds counts, or name it with"
                + " --tokens-out-column"), err.toString().lines().toList());
        assertTrue(Files.exists(table), "the table is written despite the warning");
    }

    @Test
    void fit_oneNonZeroCount_noWarning() throws IOException {
        Path log = write("sparse.csv", "timestamp,tokens_in,tokens_out\n0,0,0\n1,3,0\n"
                + "2,0,1\n");

        int code = execute(log.toString());

        assertEquals(0, code, err.toString());
        assertEquals("", err.toString());
    }

    private int execute(String... args) {
        CommandLine command = new CommandLine(new WorkloadFitCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static TokenSizeTable readTable(Path table) throws IOException {
        try (Reader reader = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
            return TokenSizeTable.read(reader, table.toString());
        }
    }

    /** Asserts exit code 2 and {@code line} as the only output on stderr. */
    private void assertRejected(int code, String line) {
        assertEquals(2, code, err.toString());
        assertEquals(line + System.lineSeparator(), err.toString());
    }
}
