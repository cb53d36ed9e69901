package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    private static final String SCENARIO = """
            name: two-users
            seed: 5
            start_date: 2025-01-06
            horizon: 3d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 2}
            workload:
              request_rate: {distribution: lognormal, mean_per_day: 20, sigma: 1.0}
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
            """;

    @TempDir
    Path folder;

    private static CliResult execute(String... args) {
        return CliResult.of(args);
    }

    private Path scenario(String text) throws Exception {
        Path file = folder.resolve("scenario.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void run_smallScenario_printsSummaryAndWritesFiles() throws Exception {
        Path out = folder.resolve("out");

        CliResult result = execute("run", scenario(SCENARIO).toString(), "--out", out.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().contains("Limit timeline"), result.out());
        assertTrue(result.out().contains("Cost by year"), result.out());
        for (String name : List.of("limits.csv", "phase-changes.csv", "capacity.csv",
                "costs.csv", "hosting-by-component.csv", "phase-costs.csv", "outages.csv",
                "daily.csv", "report.md")) {
            assertTrue(Files.exists(out.resolve(name)), name);
        }
    }

    @Test
    void run_sameSeedTwice_writesIdenticalFiles() throws Exception {
        Path file = scenario(SCENARIO);
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");

        assertEquals(0, execute("run", file.toString(), "--out", first.toString()).code());
        assertEquals(0, execute("run", file.toString(), "--out", second.toString()).code());

        List<Path> files;
        try (Stream<Path> listing = Files.list(first)) {
            files = listing.sorted().toList();
        }
        assertEquals(9, files.size());
        for (Path path : files) {
            Path other = second.resolve(path.getFileName());
            assertArrayEquals(Files.readAllBytes(path), Files.readAllBytes(other),
                    path.getFileName().toString());
        }
    }

    @Test
    void run_otherSeed_changesDailyMetrics() throws Exception {
        Path file = scenario(SCENARIO);
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
    void run_daysBeyondInt_namesDayRange() throws Exception {
        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days",
                "99999999999");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is 99999999999: out of range: it must be from 1 to 36500"
                + " days; give --days a number of days in that range", result.err().strip());
    }

    @Test
    void run_daysBeyondLong_namesDayRange() throws Exception {
        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days",
                "9223372036854775808");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is '9223372036854775808': out of range: it must be from 1"
                + " to 36500 days; give --days a number of days in that range; see 'headroom run"
                + " --help' for the options", result.err().strip());
    }

    @Test
    void run_daysPastLastDate_namesDayRange() throws Exception {
        String late = SCENARIO.replace("start_date: 2025-01-06", "start_date: 9999-12-20");

        CliResult result = execute("run", scenario(late).toString(), "--days", "13");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is 13: out of range: it must be from 1 to 12 days (the run"
                + " starts on 9999-12-20 and dates end at 9999-12-31); give --days a number of"
                + " days in that range", result.err().strip());
    }

    @Test
    void run_zeroDays_exitsTwo() throws Exception {
        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days", "0");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --days is 0: out of range: it must be from 1 to 36500 days;"
                + " give --days a number of days in that range", result.err().strip());
    }

    @Test
    void run_outIsFile_exitsTwoNamingOption() throws Exception {
        Path file = scenario(SCENARIO);
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
    void run_emptyOut_exitsTwo() throws Exception {
        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days", "1",
                "--out", "");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --out is empty; give --out a folder for the report files, such"
                + " as reports", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void run_oneDay_summarySaysDay() throws Exception {
        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days", "1",
                "--out", folder.resolve("out").toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().startsWith("Scenario 'two-users', seed 5, 1 day\n"),
                result.out());
    }

    @Test
    void run_outCannotBeCreated_exitsTwo() throws Exception {
        Path out = Path.of("/proc/headroom-absent");

        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days", "1",
                "--out", out.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("--out " + out + " cannot be created"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void run_outUnderBrokenSymlink_namesTheLink() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("link"), folder.resolve("absent"));
        Path out = link.resolve("reports");

        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days", "1",
                "--out", out.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --out " + out + " cannot be created (" + link + " is a broken"
                + " symbolic link); give --out a new or existing writable folder",
                result.err().strip());
    }

    @Test
    void run_daysBeyondHorizonLimit_exitsTwo() throws Exception {
        CliResult result = execute("run", scenario(SCENARIO).toString(), "--days", "36501");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: --days is 36501: out of range: it must be from 1 to 36500 days;"
                + " give --days a number of days in that range", result.err().strip());
    }

    @Test
    void run_negativeSeed_exitsTwoAsYamlDoes() throws Exception {
        CliResult option = execute("run", scenario(SCENARIO).toString(), "--seed", "-1");
        CliResult yaml = execute("validate", scenario(SCENARIO.replace("seed: 5", "seed: -1"))
                .toString());

        assertEquals(Main.EXIT_BAD_INPUT, option.code(), option.err());
        assertEquals(Main.EXIT_BAD_INPUT, yaml.code(), yaml.err());
        String range = "out of range: -1 is not between 0 and " + Long.MAX_VALUE;
        assertTrue(option.err().startsWith("headroom: --seed is -1: " + range + "; give --seed"),
                option.err());
        assertTrue(yaml.err().contains(range), yaml.err());
    }

    @Test
    void validate_unusedSections_notedWithPosition() throws Exception {
        Path file = scenario(SCENARIO.replace("plan:\n", "postgres: {allocated_storage_gb: 50}\n"
                + "redis:\n  nodes: 2\nsheets: {tabs_per_workbook: 100}\nplan:\n"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(List.of("note: " + file + ":11:1: postgres: used by no phase: no phase"
                + " has backend kind postgres, so these settings have no effect; check the"
                + " phases' backends if one should use them",
                "note: " + file + ":12:1: redis: used by no phase: no phase lists"
                + " features: [redis-cache], so these settings have no effect; check the"
                + " phases' backends if one should use them"), lines.subList(1, lines.size()));
    }

    @Test
    void validate_everySectionUsed_printsNoNote() throws Exception {
        CliResult result = execute("validate", scenario(SCENARIO.replace("plan:\n",
                "sheets: {tabs_per_workbook: 100}\nplan:\n")).toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertEquals(1, result.out().lines().count(), result.out());
    }

    /**
     * Returns {@code scenario} with {@code nextWhen} as its single sheet's triggers and a second
     * phase of two sharded workbooks.
     */
    private static String withShards(String scenario, String nextWhen) {
        return scenario + "      next_when: " + nextWhen + "\n"
                + "    - name: shards\n"
                + "      backend: {kind: sheets-sharded, workbooks: 2}\n";
    }

    /** Validates {@code file}, expecting it to be valid, and returns the note lines. */
    private static List<String> validateNotes(Path file) {
        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        return result.out().lines().skip(1).toList();
    }

    @Test
    void validate_unreachableTriggers_printNotes() throws Exception {
        Path file = scenario(withShards(SCENARIO, "{users: 3, date: 2025-01-09}"));

        assertEquals(List.of("note: " + file + ":16:19: plan.phases[0].next_when.users: never"
                + " fires: the growth curve reaches 2 users before the run's last day, whose"
                + " triggers are not checked, fewer than 3; give a lower count or a longer"
                + " horizon, or remove it",
                "note: " + file + ":16:29: plan.phases[0].next_when.date: never fires:"
                + " 2025-01-09 is after the run's last day, 2025-01-08; give an earlier date or"
                + " a longer horizon, or remove it"), validateNotes(file));
    }

    @Test
    void validate_usersOnLastDay_printsNote() throws Exception {
        // User 3 signs up at the start of day 1 and user 4 at the start of day 2, the last day,
        // whose triggers are not checked.
        Path file = scenario(withShards(SCENARIO.replace("- {at: 0d, users: 2}",
                "- {at: 0d, users: 2}\n    - {at: 3d, users: 5}"), "{users: 4}"));

        assertEquals(List.of("note: " + file + ":17:19: plan.phases[0].next_when.users: never"
                + " fires: the growth curve reaches 3 users before the run's last day, whose"
                + " triggers are not checked, fewer than 4; give a lower count or a longer"
                + " horizon, or remove it"), validateNotes(file));
    }

    @Test
    void validate_usersBeyondTabs_printsNote() throws Exception {
        Path file = scenario(withShards(SCENARIO.replace("plan:\n",
                "sheets: {tabs_per_workbook: 1}\nplan:\n"), "{users: 2}"));

        assertEquals(List.of("note: " + file + ":17:19: plan.phases[0].next_when.users: never"
                + " fires: phase 'single-sheet' places at most 1 user, 1 workbook of"
                + " sheets.tabs_per_workbook 1, fewer than 2; give a count of at most 1 or a"
                + " failed_sign_ups_per_day trigger, or remove it"), validateNotes(file));
    }

    @Test
    void validate_oneDayRun_notesEveryTrigger() throws Exception {
        Path file = scenario(withShards(SCENARIO.replace("horizon: 3d", "horizon: 1d"),
                "{users: 2}"));

        assertEquals(List.of("note: " + file + ":16:19: plan.phases[0].next_when.users: never"
                + " fires: a run of one day checks no trigger, since its only day is its last;"
                + " give a horizon of at least 2d"), validateNotes(file));
    }

    @Test
    void validate_reachableTriggers_printNoNote() throws Exception {
        Path file = scenario(withShards(SCENARIO, "{users: 2, date: 2025-01-08}"));

        assertEquals(List.of(), validateNotes(file));
    }

    @Test
    void misspeltRequiredOption_namesIt() {
        CliResult result = execute("sweep", "--seedz", "1..2");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--seedz' (did you mean '--seeds'?); see"
                + " 'headroom sweep --help' for the options\n", result.err());
    }

    @Test
    void noCommand_isBadInput() {
        CliResult result = execute();

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: missing command; headroom takes one of run, sweep, validate,"
                + " emulate, workload; see 'headroom --help' for what each does\n",
                result.err());
    }

    @Test
    void workloadWithoutCommand_isBadInput() {
        CliResult result = execute("workload");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().startsWith("headroom: missing command; headroom workload takes"
                + " one of fit;"), result.err());
    }

    @Test
    void validate_hugeSeed_givesRange() throws Exception {
        Path file = scenario(SCENARIO.replace("seed: 5", "seed: 99999999999999999999"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("seed: out of range: 99999999999999999999 is not between"
                + " 0 and " + Long.MAX_VALUE + "; use a value in that range"), result.err());
    }

    @Test
    void validate_missingTokenTable_givesFieldPosition() throws Exception {
        Path file = scenario(SCENARIO.replace("  request_rate:",
                "  token_sizes: {source: file, file: nope.csv}\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().startsWith("headroom: " + file
                + ":10:37: workload.token_sizes.file: token-size table "
                + folder.resolve("nope.csv") + " not found;"), result.err());
    }

    @Test
    void validate_tokenTableIsFolder_saysSo() throws Exception {
        Files.createDirectory(folder.resolve("tables"));
        Path file = scenario(SCENARIO.replace("  request_rate:",
                "  token_sizes: {source: file, file: tables}\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("cannot read the token-size table "
                + folder.resolve("tables") + " (it is a folder)"), result.err());
        assertTrue(!result.err().contains("java.io"), result.err());
    }

    @Test
    void validate_tokenTableOverSizeLimit_saysSo() throws Exception {
        Path table = folder.resolve("huge.csv");
        try (RandomAccessFile huge = new RandomAccessFile(table.toFile(), "rw")) {
            huge.setLength((10L << 20) + 1);
        }
        Path file = scenario(SCENARIO.replace("  request_rate:",
                "  token_sizes: {source: file, file: huge.csv}\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals("headroom: " + file + ":10:37: workload.token_sizes.file: token-size table "
                + table + " is larger than 10 MiB; give the path of a table written by headroom"
                + " workload fit", result.err().strip());
    }

    @Test
    void validate_badTokenTableRow_givesBothPositions() throws Exception {
        Files.writeString(folder.resolve("table.csv"),
                "probability,tokens_in,tokens_out\n0,1,1\n0.5,abc,2\n1,3,3\n");
        Path file = scenario(SCENARIO.replace("  request_rate:",
                "  token_sizes:\n    source: file\n    file: table.csv\n  request_rate:"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().startsWith("headroom: " + file + ":12:11: "
                + "workload.token_sizes.file: invalid token-size table: "
                + folder.resolve("table.csv") + ":3: "), result.err());
    }

    @Test
    void validate_manyProblems_prefixesEveryLine() throws Exception {
        Path file = scenario(SCENARIO.replace("seed: 5", "seed: -5").replace("horizon: 3d",
                "horizon: 0d"));

        CliResult result = execute("validate", file.toString());

        List<String> lines = result.err().lines().toList();
        assertEquals(2, lines.size(), result.err());
        for (String line : lines) {
            assertTrue(line.startsWith("headroom: " + file + ":"), line);
        }
    }

    @Test
    void validate_itemBytesTooLarge_namesLimitInBytes() throws Exception {
        Path file = scenario(SCENARIO + "dynamodb:\n  item_bytes: 500KiB\n");

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("dynamodb.item_bytes: out of range: 500KiB (512000 bytes)"
                + " is more than the 400 KiB item limit (409600 bytes);"), result.err());
    }

    @Test
    void validate_phasesNotList_givesOneProblem() throws Exception {
        Path file = scenario(SCENARIO.substring(0, SCENARIO.indexOf("  phases:"))
                + "  phases: single\n");

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("plan.phases: wrong type: expected a list"),
                result.err());
    }

    @Test
    void validate_unknownField_exitsTwoWithPosition() throws Exception {
        Path file = scenario(SCENARIO.replace("seed: 5", "sead: 5"));

        CliResult result = execute("validate", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("scenario.yaml:2:1"), result.err());
        assertTrue(result.err().contains("seed"), result.err());
    }

    @Test
    void validate_validFile_printsHash() throws Exception {
        CliResult result = execute("validate", scenario(SCENARIO).toString());

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().contains("valid scenario 'two-users'"), result.out());
    }

    @Test
    void unknownOption_exitsTwo() {
        CliResult result = execute("run", "--sed", "4");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("--sed"), result.err());
    }

    @Test
    void unknownOption_suggestsNearest() {
        CliResult result = execute("run", "--sead", "4");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--sead' (did you mean '--seed'?); see"
                + " 'headroom run --help' for the options", result.err().strip());
    }

    @Test
    void unknownOption_suggestsSwappedLetters() {
        CliResult result = execute("emulate", "sheets", "--prot", "1");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--prot' (did you mean '--port'?); see"
                + " 'headroom emulate sheets --help' for the options", result.err().strip());
    }

    @Test
    void unknownOption_withValue_suggestsNearest() {
        CliResult result = execute("run", "--outt=reports/x");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--outt' (did you mean '--out'?); see"
                + " 'headroom run --help' for the options", result.err().strip());
    }

    @Test
    void unknownOption_suggestsOneEditAway() {
        CliResult verbose = execute("run", "--verbos");
        CliResult letter = execute("run", "-z");

        assertTrue(verbose.err().contains("'--verbos' (did you mean '--verbose'?)"), verbose.err());
        assertTrue(letter.err().startsWith("headroom: unknown option '-z'; see"), letter.err());
    }

    @Test
    void extraArgument_namesItAndTheParameter() {
        for (String[] args : List.of(new String[] {"run", "a.yaml", "b.yaml"},
                new String[] {"validate", "a.yaml", "b.yaml"},
                new String[] {"workload", "fit", "a.csv", "b.yaml"},
                new String[] {"emulate", "sheets", "x", "y"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), String.join(" ", args));
            String command = String.join(" ", List.of(args).subList(0, args.length - 2));
            String takes = switch (command) {
                case "workload fit" -> "takes one LOG.csv";
                case "emulate sheets" -> "takes no argument besides its options";
                default -> "takes one SCENARIO";
            };
            String word = command.equals("emulate sheets") ? "x" : args[args.length - 1];
            assertEquals("headroom: unexpected argument '" + word + "': headroom " + command
                    + " " + takes + "; see 'headroom " + command + " --help' for the options",
                    result.err().strip());
        }
    }

    @Test
    void badOptionValue_oneLineNamingHelp() {
        CliResult result = execute("run", "--seed", "abc");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --seed is 'abc': it must be a whole number; give --seed a"
                + " whole number, such as 7; see 'headroom run --help' for the options",
                result.err().strip());
    }

    @Test
    void wholeNumberOption_notNumber_exitsTwo() {
        for (String[] args : List.of(new String[] {"run", "--days", "abc"},
                new String[] {"sweep", "--seeds", "1", "--jobs", "1.5"},
                new String[] {"emulate", "sheets", "--port", "x"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), String.join(" ", args));
            String option = args[args.length - 2];
            assertTrue(result.err().startsWith("headroom: " + option + " is '"
                    + args[args.length - 1] + "': it must be a whole number; give " + option
                    + " a whole number, such as 7; see 'headroom "), result.err());
        }
    }

    @Test
    void seedBeyondLong_givesRange() {
        CliResult result = execute("run", "--seed", "99999999999999999999");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().startsWith("headroom: --seed is '99999999999999999999': out of"
                + " range: it must be from 0 to " + Long.MAX_VALUE
                + "; give --seed a whole number in that range;"), result.err());
    }

    @Test
    void unknownCommand_namesItAndListsCommands() {
        CliResult result = execute("bogus");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown command 'bogus'; the commands are run, sweep, validate,"
                + " emulate, workload; see 'headroom --help' for what each does",
                result.err().strip());
    }

    @Test
    void unknownSubcommand_suggestsNearest() {
        CliResult result = execute("workload", "fitt");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown command 'fitt' (did you mean 'fit'?); the commands are"
                + " fit; see 'headroom workload --help' for what each does",
                result.err().strip());
    }

    @Test
    void help_everyCommand_exitsZero() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"},
                new String[] {"validate", "--help"}, new String[] {"workload", "--help"},
                new String[] {"emulate", "--help"}, new String[] {"emulate", "sheets", "--help"},
                new String[] {"workload", "fit", "--help"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_OK, result.code(), String.join(" ", args));
            assertTrue(result.out().contains("Usage:"), result.out());
        }
    }

    @Test
    void emulateSheets_portOutOfRange_exitsTwo() {
        CliResult result = execute("emulate", "sheets", "--port", "70000");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("--port is 70000"), result.err());
    }

    @Test
    void emulateSheets_portBeyondInt_givesPortRange() {
        CliResult result = execute("emulate", "sheets", "--port", "9223372036854775808");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().startsWith("headroom: --port is '9223372036854775808': out of"
                + " range: it must be from 0 to 65535; give --port a port number in that"
                + " range;"), result.err());
    }

    @Test
    void version_printsToolVersion() {
        CliResult result = execute("--version");

        assertEquals(Main.EXIT_OK, result.code());
        assertTrue(result.out().startsWith("headroom "), result.out());
    }

    @Test
    void version_everyCommand_printsToolVersion() {
        String expected = execute("--version").out();
        for (String[] args : List.of(new String[] {"run", "-V"}, new String[] {"sweep", "-V"},
                new String[] {"validate", "--version"}, new String[] {"workload", "-V"},
                new String[] {"workload", "fit", "-V"}, new String[] {"emulate", "-V"},
                new String[] {"emulate", "sheets", "--version"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_OK, result.code(), String.join(" ", args));
            assertEquals(expected, result.out(), String.join(" ", args));
        }
    }

    @CommandLine.Command(name = "exhaust")
    static final class ExhaustsHeap implements Runnable {
        @Override
        public void run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemory_oneMessage_exitTwo() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ExhaustsHeap());
        commandLine.setErr(new PrintWriter(err, true));

        int code = Main.executeWithinHeap(commandLine, new String[0], false);

        assertEquals(Main.EXIT_BAD_INPUT, code);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err::toString);
        assertTrue(lines.get(0).startsWith("headroom: the run needs more memory than the Java"
                + " heap's "), lines.get(0));
        assertTrue(lines.get(0).contains("JAVA_OPTS=-Xmx8g"), lines.get(0));
        assertTrue(lines.get(0).contains("users, horizon or workbooks"), lines.get(0));
    }

    @Test
    void outOfMemory_verbose_printsStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ExhaustsHeap());
        commandLine.setErr(new PrintWriter(err, true));

        Main.executeWithinHeap(commandLine, new String[0], true);

        assertTrue(err.toString().contains("java.lang.OutOfMemoryError: Java heap space"),
                err::toString);
    }
}
