package dev.headroom.cli;

import static dev.headroom.cli.MainScenario.SCENARIO;
import static dev.headroom.cli.MainScenario.execute;
import static dev.headroom.cli.MainScenario.scenario;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** headroom run: its report files, its seed and its checks on --days, --seed and --out. */
class RunCommandTest {

    @TempDir
    Path folder;

    @Test
    void run_smallScenario_printsSummaryAndWritesFiles() throws Exception {
        Path out = folder.resolve("out");

        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--out",
                out.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().contains("Limit timeline"), result.out());
        assertTrue(result.out().contains("Cost by year"), result.out());
        for (String name : List.of("limits.csv", "phase-changes.csv", "capacity.csv",
                "costs.csv", "hosting-by-component.csv", "phase-costs.csv",
                "phase-hosting-by-component.csv", "outages.csv", "daily.csv", "report.md")) {
            assertTrue(Files.exists(out.resolve(name)), name);
        }
    }

    @Test
    void run_sameSeedTwice_writesIdenticalFiles() throws Exception {
        Path file = scenario(folder, SCENARIO);
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");

        assertEquals(0, execute("run", file.toString(), "--out", first.toString()).code());
        assertEquals(0, execute("run", file.toString(), "--out", second.toString()).code());

        List<Path> files;
        try (Stream<Path> listing = Files.list(first)) {
            files = listing.sorted().toList();
        }
        assertEquals(11, files.size());
        for (Path path : files) {
            Path other = second.resolve(path.getFileName());
            assertArrayEquals(Files.readAllBytes(path), Files.readAllBytes(other),
                    path.getFileName().toString());
        }
    }

    @Test
    void run_otherSeed_changesDailyMetrics() throws Exception {
        Path file = scenario(folder, SCENARIO);
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");

        execute("run", file.toString(), "--out", first.toString());
        execute("run", file.toString(), "--seed", "6", "--out", second.toString());

        String daily = Files.readString(first.resolve("daily.csv"));
        String otherDaily = Files.readString(second.resolve("daily.csv"));
        assertTrue(daily.contains("# seed: 5"), daily);
        assertTrue(otherDaily.contains("# seed: 6"), otherDaily);
        assertFalse(daily.equals(otherDaily));
    }

    @Test
    void run_missingFile_exitsTwoWithMessage() {
        CliResult result = execute("run", folder.resolve("absent.yaml").toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("absent.yaml"), result.err());
        assertTrue(result.err().contains("file not found"), result.err());
        assertFalse(result.err().contains("at dev.headroom"), result.err());
    }

    @Test
    void run_emptyOptionalField_exitsTwoWithPosition() throws Exception {
        Path file = scenario(folder, SCENARIO + "churn:\n  monthly_rate:\n");
        Path out = folder.resolve("out");

        CliResult result = execute("run", file.toString(), "--out", out.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: " + file + ":17:3: churn.monthly_rate: missing value; write a"
                + " number such as 0.5, or remove the field to use the default (0)",
                result.err().strip());
        assertFalse(result.err().contains("at dev.headroom"), result.err());
        assertFalse(Files.exists(out.resolve("daily.csv")));
    }

    @Test
    void run_daysBeyondInt_namesDayRange() throws Exception {
        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days",
                "99999999999");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is 99999999999: out of range: it must be from 1 to 36500"
                + " days; give --days a number of days in that range", result.err().strip());
    }

    @Test
    void run_daysBeyondLong_namesDayRange() throws Exception {
        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days",
                "9223372036854775808");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is '9223372036854775808': out of range: it must be from 1"
                + " to 36500 days; give --days a number of days in that range; see 'headroom run"
                + " --help' for the options", result.err().strip());
    }

    @Test
    void run_daysPastLastDate_namesDayRange() throws Exception {
        String late = SCENARIO.replace("start_date: 2025-01-06", "start_date: 9999-12-20");

        CliResult result = execute("run", scenario(folder, late).toString(), "--days", "13");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is 13: out of range: it must be from 1 to 12 days (the run"
                + " starts on 9999-12-20 and dates end at 9999-12-31); give --days a number of"
                + " days in that range", result.err().strip());
    }

    @Test
    void run_zeroDays_exitsTwo() throws Exception {
        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days", "0");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is 0: out of range: it must be from 1 to 36500 days;"
                + " give --days a number of days in that range", result.err().strip());
    }

    @Test
    void run_outIsFile_exitsTwoNamingOption() throws Exception {
        Path file = scenario(folder, SCENARIO);
        Path plainFile = Files.writeString(folder.resolve("afile"), "x");

        for (Path out : List.of(plainFile, plainFile.resolve("sub"))) {
            CliResult result = execute("run", file.toString(), "--days", "1",
                    "--out", out.toString());

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
            assertTrue(result.err().startsWith("headroom: --out " + out + " "), result.err());
            assertTrue(result.err().contains("give --out a new or existing writable folder"),
                    result.err());
            assertFalse(result.err().contains("Exception"), result.err());
            assertEquals("", result.out());
        }
    }

    @Test
    void run_outWouldReplaceScenario_exitsTwo() throws Exception {
        Path file = Files.writeString(folder.resolve("report.md"), SCENARIO);

        CliResult result = execute("run", file.toString(), "--days", "1",
                "--out", folder.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --out " + folder + ": writing report.md would replace the"
                + " scenario file " + file + "; give --out another folder, or rename that file",
                result.err().strip());
        assertEquals(SCENARIO, Files.readString(file));
    }

    @Test
    void run_outWouldReplaceTokenTable_exitsTwo() throws Exception {
        Path table = folder.resolve("daily.csv");
        Files.writeString(table, "probability,tokens_in,tokens_out\n0,10,20\n1,30,40\n");
        Path file = scenario(folder, SCENARIO.replace("  request_rate:",
                "  token_sizes: {source: file, file: daily.csv}\n  request_rate:"));

        CliResult result = execute("run", file.toString(), "--days", "1",
                "--out", folder.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("writing daily.csv would replace the scenario's"
                + " token-size table "), result.err());
        assertEquals("probability,tokens_in,tokens_out\n0,10,20\n1,30,40\n",
                Files.readString(table));
    }

    @Test
    void run_fileNames_listEveryFileWritten() throws Exception {
        Path out = folder.resolve("out");

        execute("run", scenario(folder, SCENARIO).toString(), "--days", "1", "--out",
                out.toString());

        List<String> expected = new ArrayList<>(ReportWriter.FILE_NAMES);
        expected.add(FolderClaim.FILE_NAME);
        try (Stream<Path> listing = Files.list(out)) {
            assertEquals(expected.stream().sorted().toList(),
                    listing.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void run_emptyOut_exitsTwo() throws Exception {
        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days", "1",
                "--out", "");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --out is empty; give --out a folder for the report files, such"
                + " as reports", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void run_oneDay_summarySaysDay() throws Exception {
        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days", "1",
                "--out", folder.resolve("out").toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().startsWith("Scenario 'two-users', seed 5, 1 day\n"),
                result.out());
    }

    @Test
    void run_outCannotBeCreated_exitsTwo() throws Exception {
        Path out = Path.of("/proc/headroom-absent");

        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days", "1",
                "--out", out.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("--out " + out + " cannot be created"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void run_outUnderBrokenSymlink_namesTheLink() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("link"), folder.resolve("absent"));
        Path out = link.resolve("reports");

        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days", "1",
                "--out", out.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --out " + out + " cannot be created (" + link + " is a broken"
                + " symbolic link); give --out a new or existing writable folder",
                result.err().strip());
    }

    @Test
    void run_daysBeyondHorizonLimit_exitsTwo() throws Exception {
        CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--days", "36501");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --days is 36501: out of range: it must be from 1 to 36500 days;"
                + " give --days a number of days in that range", result.err().strip());
    }

    @Test
    void run_seedOutOfRange_sameMessage() throws Exception {
        String range = "out of range: it must be from 0 to " + Long.MAX_VALUE
                + "; give --seed a whole number in that range;";
        for (String seed : List.of("-1", "9223372036854775808")) {
            CliResult result = execute("run", scenario(folder, SCENARIO).toString(), "--seed",
                    seed);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
            assertTrue(result.err().startsWith("headroom: --seed is '" + seed + "': " + range),
                    result.err());
            assertEquals(1, result.err().strip().lines().count(), result.err());
        }
    }
}
