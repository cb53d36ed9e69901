package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.report.SweepReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    /** Eight users on one workbook whose cell limit binds within days, on a seed's own day. */
    private static final String SCENARIO = """
            name: small-sweep
            seed: 5
            start_date: 2025-01-06
            horizon: 20d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 8}
            workload:
              request_rate: {distribution: lognormal, mean_per_day: 300, sigma: 1.0}
            sheets:
              cells_per_workbook: 300000
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
            """;

    private static final List<String> FILES = List.of("sweep-limits.csv", "sweep-changes.csv",
            "sweep-runs.csv", "sweep-totals.csv", "sweep.md");

    @TempDir
    Path folder;

    private Path scenario() throws Exception {
        Path file = folder.resolve("scenario.yaml");
        Files.writeString(file, SCENARIO, StandardCharsets.UTF_8);
        return file;
    }

    /** Returns the CSV rows of a file, header and comment lines left out. */
    private static List<String> rows(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(line -> !line.startsWith("#"))
                .skip(1).collect(Collectors.toList());
    }

    @Test
    void sweep_eachSeed_matchesOwnRun() throws Exception {
        Path file = scenario();
        Path sweep = folder.resolve("sweep");

        CliResult result = CliResult.of("sweep", file.toString(), "--seeds", "1..3",
                "--out", sweep.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().contains("3 seeds (1..3)"), result.out());
        for (String name : FILES) {
            assertTrue(Files.exists(sweep.resolve(name)), name);
        }
        List<String> seedRows = rows(sweep.resolve("sweep-runs.csv"));
        assertEquals(3, seedRows.size(), seedRows.toString());
        for (int seed = 1; seed <= 3; seed++) {
            Path single = folder.resolve("run-" + seed);
            CliResult.of("run", file.toString(), "--seed", Integer.toString(seed),
                    "--out", single.toString());
            String cells = rows(single.resolve("limits.csv")).stream()
                    .filter(row -> row.startsWith("cells,")).findFirst().orElseThrow();
            String expected = seed + ",cells,single-sheet," + cells.split(",")[2] + ",";
            assertTrue(seedRows.get(seed - 1).startsWith(expected), expected + " in " + seedRows);
            long failed = rows(single.resolve("outages.csv")).stream()
                    .mapToLong(row -> Long.parseLong(row.split(",")[5])).sum();
            assertEquals(Long.toString(failed), seedRows.get(seed - 1).split(",")[7],
                    seedRows.toString());
        }
    }

    @Test
    void sweep_datesDiffer_spreadMatchesRuns() throws Exception {
        Path sweep = folder.resolve("sweep");

        CliResult.of("sweep", scenario().toString(), "--seeds", "1..4", "--out",
                sweep.toString());

        List<String> runDates = rows(sweep.resolve("sweep-runs.csv")).stream()
                .map(row -> row.split(",")[3]).sorted().collect(Collectors.toList());
        String cells = rows(sweep.resolve("sweep-limits.csv")).stream()
                .filter(row -> row.startsWith("cells,")).findFirst().orElseThrow();
        String[] cellsRow = cells.split(",");
        assertFalse(runDates.get(0).equals(runDates.get(3)), runDates.toString());
        assertEquals("4", cellsRow[2]);
        assertEquals(runDates.get(0), cellsRow[4]);
        assertEquals(runDates.get(1), cellsRow[6]);
        assertEquals(runDates.get(3), cellsRow[8]);
    }

    @Test
    void sweep_oneOrTwoJobs_writeIdenticalFiles() throws Exception {
        Path file = scenario();
        Path first = folder.resolve("one");
        Path second = folder.resolve("two");

        CliResult.of("sweep", file.toString(), "--seeds", "1..3", "--jobs", "1", "--out",
                first.toString());
        CliResult.of("sweep", file.toString(), "--seeds", "1..3", "--jobs", "2", "--out",
                second.toString());

        for (String name : FILES) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)),
                    Files.readAllBytes(second.resolve(name)), name);
        }
    }

    /**
     * Three phases whose first move starts by date although its users trigger is 50. Each
     * workbook fills within days at eight users, so the advised users trigger off the shards is
     * 8, below 50.
     */
    private static final String OUT_OF_ORDER = SCENARIO.replace("horizon: 20d", "horizon: 30d")
            .replace("mean_per_day: 300", "mean_per_day: 150").replace("""
                - name: single-sheet
                  backend: {kind: sheets}
            """, """
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {users: 50, date: 2025-01-07}
                - name: two-shards
                  backend: {kind: sheets-sharded, workbooks: 2, router: char-sum}
                  migration: {lead_time: 1d}
                  next_when: {users: 60}
                - name: dynamodb
                  backend: {kind: dynamodb}
                  migration: {lead_time: 1d}
            """);

    @Test
    void sweep_adviceOutOfOrder_notePrinted() throws Exception {
        String note = "Move two-shards -> dynamodb: its users_trigger_p10 of 8 is not above the"
                + " users trigger of the earlier phase 'single-sheet' (50), and the loader"
                + " requires users triggers to increase from phase to phase. To follow the"
                + " advice, lower the users trigger of 'single-sheet' below 8 and give"
                + " 'two-shards' a users trigger above it and no higher than 8, or give"
                + " 'two-shards' a date trigger after 2025-01-07 (the date trigger of"
                + " 'single-sheet') and no later than its start_by_p10 of 2025-01-13. Sweep"
                + " again after the change, since a move started sooner changes what fails next.";

        assertNotePrinted("out-of-order.yaml", OUT_OF_ORDER, note);
    }

    /**
     * Sweeps {@code yaml} under seeds 2 to 5 and asserts that the summary and sweep.md print
     * {@code note} as the only note on the advised triggers.
     */
    private void assertNotePrinted(String fileName, String yaml, String note) throws Exception {
        Path file = folder.resolve(fileName);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Path sweep = folder.resolve("sweep");

        CliResult result = CliResult.of("sweep", file.toString(), "--seeds", "2..5", "--out",
                sweep.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().contains("\nNotes on the advised triggers\n" + note + "\n\n"
                + "Reports written to "), result.out());
        assertTrue(Files.readString(sweep.resolve("sweep.md")).contains(
                "## Notes on the advised triggers\n\n" + note + "\n\n## Parameters"));
    }

    /**
     * Four phases whose move off the shards waits for a latency that never comes, while the
     * move after it starts at 5 users. The advised users trigger off the shards is 8, as in
     * {@link #OUT_OF_ORDER}, which is not below 5.
     */
    private static final String BELOW_LATER = SCENARIO.replace("horizon: 20d", "horizon: 30d")
            .replace("mean_per_day: 300", "mean_per_day: 150").replace("""
                - name: single-sheet
                  backend: {kind: sheets}
            """, """
                - name: single-sheet
                  backend: {kind: sheets}
                  next_when: {date: 2025-01-07}
                - name: two-shards
                  backend: {kind: sheets-sharded, workbooks: 2, router: char-sum}
                  migration: {lead_time: 1d}
                  next_when: {p95_latency: 1h}
                - name: dynamodb
                  backend: {kind: dynamodb}
                  migration: {lead_time: 1d}
                  next_when: {users: 5}
                - name: dynamodb-dax
                  backend: {kind: dynamodb, features: [dax]}
                  migration: {lead_time: 1d}
            """);

    @Test
    void sweep_adviceAboveLaterTrigger_notePrinted() throws Exception {
        String note = "Move two-shards -> dynamodb: its users_trigger_p10 of 8 is not below the"
                + " users trigger of the later phase 'dynamodb' (5), and the loader requires"
                + " users triggers to increase from phase to phase. To follow the advice, raise"
                + " the users trigger of 'dynamodb' above 8 and no higher than 2147483647, the"
                + " greatest the loader accepts, and give 'two-shards' a users trigger no higher"
                + " than 8, or give 'two-shards' a date trigger after 2025-01-07 (the date"
                + " trigger of 'single-sheet') and no later than its start_by_p10 of 2025-01-13."
                + " Sweep again after the change, since a move started sooner changes what fails"
                + " next.";

        assertNotePrinted("below-later.yaml", BELOW_LATER, note);
    }

    @Test
    void sweep_noMoveOutOfOrder_noNotes() throws Exception {
        Path sweep = folder.resolve("sweep");

        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "1..2",
                "--out", sweep.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertFalse(result.out().contains("Notes on"), result.out());
        assertFalse(Files.readString(sweep.resolve("sweep.md")).contains("Notes on"));
    }

    @Test
    void sweep_reversedRange_exitsTwoWithOneLine() throws Exception {
        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "3..1");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("--seeds is '3..1': the range '3..1' ends before it"
                + " starts"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void sweep_seedOutOfRange_sameMessage() throws Exception {
        for (String seed : List.of("-1", "9223372036854775808")) {
            CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds",
                    "1.." + seed);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
            assertEquals("headroom: --seeds is '1.." + seed + "': seed " + seed + " is out of"
                    + " range: it must be from 0 to " + Long.MAX_VALUE + "; give whole numbers"
                    + " from 0 and ranges such as 1..10, separated by commas",
                    result.err().strip());
        }
    }

    @Test
    void sweep_zeroJobs_exitsTwoNamingOption() throws Exception {
        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "1",
                "--jobs", "0");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("--jobs is 0: it must be at least 1"), result.err());
    }

    @Test
    void sweep_jobsBeyondInt_namesJobsRange() throws Exception {
        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "1",
                "--jobs", "2147483648");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --jobs is '2147483648': out of range: it must be from 1 to"
                + " 2147483647; give --jobs a whole number in that range; see 'headroom sweep"
                + " --help' for the options", result.err().strip());
    }

    @Test
    void sweep_daysBeyondLong_namesDayRange() throws Exception {
        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "1",
                "--days", "9223372036854775808");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is '9223372036854775808': out of range: it must be from 1"
                + " to 36500 days; give --days a number of days in that range; see 'headroom"
                + " sweep --help' for the options", result.err().strip());
    }

    @Test
    void sweep_reportFileIsFolder_namesFile() throws Exception {
        Path out = folder.resolve("sweep");
        Path blocked = Files.createDirectories(out.resolve("sweep-runs.csv"));

        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "1",
                "--days", "1", "--out", out.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        String message = result.err().strip();
        assertTrue(message.startsWith("headroom: --out " + out + ": cannot write " + blocked
                + " ("), message);
        assertTrue(message.endsWith("); give --out a writable folder"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void sweep_outWouldReplaceScenario_exitsTwo() throws Exception {
        Path file = Files.writeString(folder.resolve("sweep.md"), SCENARIO);

        CliResult result = CliResult.of("sweep", file.toString(), "--seeds", "1",
                "--days", "1", "--out", folder.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --out " + folder + ": writing sweep.md would replace the"
                + " scenario file " + file + "; give --out another folder, or rename that file",
                result.err().strip());
        assertEquals(SCENARIO, Files.readString(file));
    }

    @Test
    void sweep_fileNames_listEveryFileWritten() {
        assertEquals(FILES, SweepReport.FILE_NAMES);
    }

    @Test
    void sweep_emptyOut_exitsTwo() throws Exception {
        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "1",
                "--out", "");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --out is empty; give --out a folder for the report files, such"
                + " as reports", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void sweep_terminalArabicLocale_progressInAsciiDigits() throws Exception {
        Path file = scenario();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        Locale locale = Locale.getDefault();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setProperty("headroom.stderr.tty", "true");
            Locale.setDefault(Locale.forLanguageTag("ar-SA"));
            CliResult result = CliResult.of("sweep", file.toString(), "--seeds", "1..2",
                    "--days", "1", "--out", folder.resolve("sweep").toString());
            assertEquals(Main.EXIT_OK, result.code(), result.err());
        } finally {
            Locale.setDefault(locale);
            System.clearProperty("headroom.stderr.tty");
            System.setErr(stderr);
        }
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("1 of 2 seeds done"), progress);
        assertTrue(progress.contains("2 of 2 seeds done"), progress);
    }

    @Test
    void sweep_oneSeed_summarySaysSeed() throws Exception {
        CliResult result = CliResult.of("sweep", scenario().toString(), "--seeds", "4",
                "--days", "1", "--out", folder.resolve("sweep").toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().startsWith("Scenario 'small-sweep', 1 seed (4), 1 day\n"),
                result.out());
    }

    @Test
    void sweep_withoutSeeds_exitsTwoNamingOption() throws Exception {
        CliResult result = CliResult.of("sweep", scenario().toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("--seeds"), result.err());
    }
}
