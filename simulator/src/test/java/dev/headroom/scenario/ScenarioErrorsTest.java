package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One tiny invalid scenario per validation rule, each checked for its position, field path and
 * the key phrase of its message.
 */
class ScenarioErrorsTest {

    private static final Path INVALID = Path.of("src/test/resources/invalid");

    /**
     * A valid scenario of one Sheets phase, which each test changes in one place. Its first
     * four lines come before any section that {@link #withSections} inserts.
     */
    private static final String MINIMAL = """
            name: a
            start_date: 2025-01-01
            horizon: 3d
            growth: {kind: linear, initial_users: 3, users_per_year: 100}
            plan:
              hourly_rate: 1
              phases: [{name: s, backend: {kind: sheets}}]
            """;

    /** File, expected line:column, field path, and a phrase the message must contain. */
    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("unknown-field.yaml", "14:3", "sheets.tabs_per_workbok",
                        "unknown field; did you mean 'tabs_per_workbook'?"),
                Arguments.of("misspelled-required.yaml", "9:3", "plan.hourly_rte",
                        "unknown field; did you mean 'hourly_rate'?"),
                Arguments.of("field-of-other-kind.yaml", "12:42",
                        "plan.phases[0].backend.features[0]",
                        "feature dax applies only to kind dynamodb; remove it or set kind: "
                                + "dynamodb"),
                Arguments.of("redis-cache-on-dynamodb.yaml", "12:49",
                        "plan.phases[0].backend.features[1]",
                        "feature redis-cache applies only to kinds sheets, sheets-sharded and "
                                + "sheets-shared-log"),
                Arguments.of("redis-cache-on-postgres.yaml", "12:43",
                        "plan.phases[0].backend.features",
                        "applies only to kinds sheets, sheets-sharded, sheets-shared-log and "
                                + "dynamodb; remove it"),
                Arguments.of("redis-unknown-field.yaml", "14:3", "redis.time_to_live",
                        "unknown field; valid fields here are node_price_per_hour, nodes, ttl,"
                                + " on_write, latency"),
                Arguments.of("redis-negative-price.yaml", "14:24", "redis.node_price_per_hour",
                        "-$0.017 is below $0"),
                Arguments.of("redis-too-costly.yaml", "15:10", "redis.nodes",
                        "cost more than $100,000 an hour"),
                Arguments.of("feature-twice.yaml", "12:55", "plan.phases[0].backend.features[1]",
                        "feature redis-cache is listed twice"),
                Arguments.of("archive-on-shared-log.yaml", "12:53",
                        "plan.phases[0].backend.features[0]",
                        "feature archive applies only to kinds sheets and sheets-sharded, which"
                                + " keep one tab per user"),
                Arguments.of("archive-on-dynamodb.yaml", "12:44",
                        "plan.phases[0].backend.features[0]",
                        "feature archive applies only to kinds sheets and sheets-sharded;"),
                Arguments.of("sheets-archive-unknown-field.yaml", "14:3",
                        "sheets_archive.keep_days", "unknown field; valid fields here are keep,"
                                + " every, starts_at, cell_limit, cost_per_run"),
                Arguments.of("sheets-archive-late-start.yaml", "14:14",
                        "sheets_archive.starts_at", "25h is not between 0s and 1d"),
                Arguments.of("sheets-archive-midnight.yaml", "14:14",
                        "sheets_archive.starts_at", "24h is the next day's midnight"),
                Arguments.of("sheets-archive-zero-keep.yaml", "14:9", "sheets_archive.keep",
                        "out of range: 0d is not between 1d and 100y"),
                Arguments.of("sheets-archive-big-cell-limit.yaml", "14:15",
                        "sheets_archive.cell_limit", "20000000 is not between 1 and 10000000"),
                Arguments.of("sheets-archive-small-cell-limit.yaml", "14:15",
                        "sheets_archive.cell_limit", "20000 cells cannot take one archive tab,"
                                + " which needs 26000 cells with sheets.grid_mode default-grid"),
                Arguments.of("wrong-type.yaml", "3:10", "horizon",
                        "wrong type: expected a duration such as 30s, found a list"),
                Arguments.of("unknown-unit.yaml", "13:20", "balance_cache_ttl",
                        "invalid duration '30sec': unknown unit 'sec'"),
                Arguments.of("missing-unit.yaml", "3:10", "horizon",
                        "invalid duration '30': missing unit"),
                Arguments.of("bad-size.yaml", "14:29", "workload.row.bytes",
                        "invalid size '500 bytes': unknown unit 'bytes'"),
                Arguments.of("duration-beyond-long.yaml", "3:10", "horizon",
                        "out of range: 999999999999999999y is not between 1d and 100y; use a "
                                + "duration in that range"),
                Arguments.of("size-beyond-long.yaml", "14:29", "workload.row.bytes",
                        "out of range: 99999999999999999999B (99999999999999999999 bytes) is "
                                + "not between 1 byte and"),
                Arguments.of("bad-money.yaml", "9:16", "plan.hourly_rate",
                        "more than six decimal places"),
                Arguments.of("huge-money.yaml", "9:16", "plan.hourly_rate",
                        "is above $100000; use an amount of at most $100000"),
                Arguments.of("money-beyond-long.yaml", "9:16", "plan.hourly_rate",
                        "too large; write an amount of at most $100000"),
                Arguments.of("flow-comma.yaml", "8:26", "growth.points[1].000",
                        "a comma separates fields, so a number such as 5,000 reads as 5"),
                Arguments.of("bad-count.yaml", "14:22", "sheets.tabs_per_workbook",
                        "invalid count '2,000'"),
                Arguments.of("bad-date.yaml", "2:13", "start_date",
                        "invalid date '2025-13-01'"),
                Arguments.of("out-of-range.yaml", "15:15", "dynamodb.dax.hit_rate",
                        "out of range: 1.5 is not between 0 and 1;"),
                Arguments.of("missing-field.yaml", "1:1", "horizon",
                        "missing required field"),
                Arguments.of("shares-sum.yaml", "15:5", "workload.models",
                        "the shares sum to 0.9, not 1"),
                Arguments.of("profile-length.yaml", "14:19", "workload.hourly_profile",
                        "wrong length: 3 weights, expected 24"),
                Arguments.of("quota-user-above-project.yaml", "16:32",
                        "sheets.quotas.write_per_minute_per_user",
                        "the per-user quota 60 exceeds the per-project quota 50"),
                Arguments.of("sigma-not-lognormal.yaml", "14:59", "sheets.read_latency.sigma",
                        "sigma applies only to distribution: lognormal"),
                Arguments.of("growth-out-of-order.yaml", "9:12", "growth.points[2].at",
                        "out of order: 1y does not come after 1y"),
                Arguments.of("phases-out-of-order.yaml", "15:26", "plan.phases[1].next_when.users",
                        "out of order: 150 users is not above the previous phase's trigger of 800;"
                                + " raise it, or lower the earlier trigger"),
                Arguments.of("dates-out-of-order.yaml", "15:25", "plan.phases[1].next_when.date",
                        "out of order: 2025-05-01 is not after 2025-06-01, an earlier phase's date"
                                + " trigger; use a later date, or an earlier one on that phase"),
                Arguments.of("date-before-start.yaml", "12:25", "plan.phases[0].next_when.date",
                        "out of order: 2024-12-01 is not after 2025-01-01, the start date; use a"
                                + " later date"),
                Arguments.of("sheets-after-dynamodb.yaml", "14:16", "plan.phases[1].backend",
                        "a Sheets phase cannot follow a DynamoDB phase"),
                Arguments.of("sheets-after-shared-log.yaml", "14:16", "plan.phases[1].backend",
                        "only a DynamoDB or SQL phase can follow a sheets-shared-log phase"),
                Arguments.of("postgres-after-dynamodb.yaml", "14:16", "plan.phases[1].backend",
                        "a postgres phase cannot follow a DynamoDB phase"),
                Arguments.of("postgres-after-postgres.yaml", "14:16", "plan.phases[1].backend",
                        "a second postgres phase changes nothing"),
                Arguments.of("postgres-unknown-field.yaml", "14:3", "postgres.instance_price",
                        "unknown field; valid fields here are instance_price_per_hour"),
                Arguments.of("postgres-negative-price.yaml", "14:31",
                        "postgres.storage_price_per_gb_month", "-$0.115 is below $0"),
                Arguments.of("postgres-max-connections-zero.yaml", "14:20",
                        "postgres.max_connections", "0 is not between 1 and 262143"),
                Arguments.of("postgres-max-connections-invalid.yaml", "14:20",
                        "postgres.max_connections", "invalid count 'many'"),
                Arguments.of("postgres-max-connections-below-default-reserved.yaml", "14:20",
                        "postgres.max_connections", "max_connections 3 leaves no connection for"
                                + " the proxy after the default 5 reserved_connections; raise"
                                + " max_connections above 5 or set reserved_connections below 3"),
                Arguments.of("postgres-max-connections-below-null-reserved.yaml", "15:3",
                        "postgres.reserved_connections", "missing value; write a whole number"
                                + " such as 200, or remove the field to use the default (5)"),
                Arguments.of("postgres-reserved-connections-invalid.yaml", "15:25",
                        "postgres.reserved_connections", "invalid count 'some'"),
                Arguments.of("postgres-reserved-connections-all.yaml", "15:25",
                        "postgres.reserved_connections", "10 reserved connections leave none of"
                                + " max_connections 10 for the proxy; reserve fewer than 10 or"
                                + " raise max_connections"),
                Arguments.of("postgres-reserved-connections-above-default-max.yaml", "14:25",
                        "postgres.reserved_connections", "112 reserved connections leave none of"
                                + " the default max_connections 112 for the proxy; reserve fewer"
                                + " than 112 or set max_connections above 112"),
                Arguments.of("sheets-after-sqlite-efs.yaml", "14:16", "plan.phases[1].backend",
                        "a Sheets phase cannot follow a sqlite-efs phase"),
                Arguments.of("sqlite-efs-negative-price.yaml", "14:22",
                        "sqlite_efs.read_price_per_gb", "-$0.03 is below $0"),
                Arguments.of("sqlite-efs-page-size.yaml", "14:15", "sqlite_efs.page_bytes",
                        "5000 bytes is not a power of two"),
                Arguments.of("shared-log-too-wide.yaml", "9:18", "workload.row.columns",
                        "a shared log adds an email column, so its rows would be 18279 columns"),
                Arguments.of("bad-top-up.yaml", "9:21", "workload.credits.top_up",
                        "invalid amount '$$5'"),
                Arguments.of("last-phase-trigger.yaml", "12:18", "plan.phases[0].next_when",
                        "the last phase has a trigger but no phase follows it"),
                Arguments.of("trigger-null.yaml", "12:7", "plan.phases[0].next_when",
                        "missing value; write when the next phase starts"),
                Arguments.of("trigger-outside-next-when.yaml", "12:7",
                        "plan.phases[0].users", "unknown field: users is a trigger, which"
                                + " belongs under next_when; write next_when: {users: 150}"),
                Arguments.of("same-backend-twice.yaml", "14:16", "plan.phases[1].backend",
                        "the same backend as phase 'five-shards' before it, so the move changes"
                                + " nothing"),
                Arguments.of("phase-name-trailing-space.yaml", "10:13", "plan.phases[0].name",
                        "ends with a space"),
                Arguments.of("invalid-choice.yaml", "12:61", "plan.phases[0].backend.router",
                        "invalid value 'char-summ'; did you mean 'char-sum'?"),
                Arguments.of("unknown-dataset.yaml", "14:43", "workload.token_sizes.dataset",
                        "unknown bundled table 'azure-conv-2024'; did you mean 'azure-conv-2023'?"),
                Arguments.of("duplicate-field.yaml", "4:1", "horizon",
                        "duplicate field; remove one of the two"),
                Arguments.of("horizon-part-day.yaml", "3:10", "horizon",
                        "not a whole number of days: 36h would run only 1d"),
                Arguments.of("start-date-far.yaml", "2:13", "start_date",
                        "is not between 0001-01-01 and 9999-12-31"),
                Arguments.of("run-past-last-date.yaml", "3:10", "horizon",
                        "a run that starts on 9999-12-20 reaches 9999-12-31 after 12d"),
                Arguments.of("name-line-break.yaml", "1:7", "name",
                        "invalid text: it contains a line break or another control character"),
                Arguments.of("phase-name-pipe.yaml", "11:13", "plan.phases[0].name",
                        "invalid text: 'single|sheet' is not a phase name"),
                Arguments.of("backend-not-mapping.yaml", "15:16", "plan.phases[1].backend",
                        "wrong type: expected a mapping of fields, found 'dynamodb'"),
                Arguments.of("trigger-misspelt.yaml", "13:19", "plan.phases[0].next_when.usres",
                        "unknown field; did you mean 'users'?"),
                Arguments.of("trigger-duplicate.yaml", "13:31", "plan.phases[0].next_when.users",
                        "duplicate field; remove one of the two"),
                Arguments.of("growth-shrinks.yaml", "8:24", "growth.points[1].users",
                        "2 users is below the previous point's 3"),
                Arguments.of("exponential-decline.yaml", "7:18", "growth.annual_growth",
                        "-0.5 is not between 0 and 1000;"),
                Arguments.of("logistic-rate-zero.yaml", "5:50", "growth.rate_per_year",
                        "out of range: 0 is not between 0.000001 and 1000;"),
                Arguments.of("logistic-start-underflow.yaml", "5:64", "growth.midpoint",
                        "rate_per_year times the midpoint in years is 1000, above 700"),
                Arguments.of("row-bytes-zero.yaml", "9:28", "workload.row.bytes",
                        "0B (0 bytes) is not between 1 byte and 10000000 bytes;"),
                Arguments.of("exponential-zero-mean.yaml", "9:55",
                        "workload.request_duration.mean",
                        "out of range: 0s is outside the accepted range, which is greater than"
                        + " 0s and at most 10m;"),
                Arguments.of("zero-request-rate.yaml", "9:32",
                        "workload.request_rate.mean_per_day",
                        "out of range: 0 is outside the accepted range, which is greater than 0"
                        + " and at most 1000000;"),
                Arguments.of("phase-name-missing.yaml", "11:7", "plan.phases[0].name",
                        "missing required field"),
                Arguments.of("phase-not-mapping.yaml", "11:7", "plan.phases[0]",
                        "wrong type: expected a mapping of fields, found 'single-sheet'"),
                Arguments.of("trigger-date-invalid.yaml", "15:25",
                        "plan.phases[1].next_when.date", "invalid date '2025-02-31'"),
                Arguments.of("trigger-users-invalid.yaml", "15:26",
                        "plan.phases[1].next_when.users", "invalid count 'lots'"),
                Arguments.of("profile-bad-weight.yaml", "14:89", "workload.hourly_profile[23]",
                        "invalid number 'x'"),
                Arguments.of("profile-not-list.yaml", "14:20", "workload.weekday_profile",
                        "wrong type: expected a list, found 'flat'"),
                Arguments.of("share-invalid.yaml", "15:24", "workload.models[0].share",
                        "invalid number 'half'"),
                Arguments.of("share-missing.yaml", "15:7", "workload.models[0].share",
                        "missing required field"),
                Arguments.of("growth-bad-time.yaml", "8:12", "growth.points[1].at",
                        "invalid duration '1yr': unknown unit 'yr'"),
                Arguments.of("growth-listed-out-of-order.yaml", "9:12", "growth.points[2].at",
                        "out of order: 1y does not come after 2y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidFile_reportsPositionPathAndPhrase(
            String file, String position, String path, String phrase) {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(INVALID.resolve(file)));

        List<ScenarioProblem> problems = error.problems();
        assertEquals(1, problems.size(), error.getMessage());
        ScenarioProblem problem = problems.get(0);
        assertEquals(position, problem.line() + ":" + problem.column(),
                error.getMessage());
        assertEquals(path, problem.path());
        assertTrue(problem.message().contains(phrase), problem.message());
    }

    @Test
    void duplicateField_threeTimes_saysKeepOne() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(INVALID.resolve("duplicate-field-thrice.yaml")));

        List<ScenarioProblem> problems = error.problems();
        assertEquals(2, problems.size(), error.getMessage());
        for (ScenarioProblem problem : problems) {
            assertEquals("horizon", problem.path());
            assertEquals("duplicate field: it appears 3 times; keep one and remove the others",
                    problem.message());
        }
    }

    @Test
    void yamlSyntaxError_reportsParserPosition() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(INVALID.resolve("yaml-syntax.yaml")));

        ScenarioProblem problem = error.problems().get(0);
        assertEquals("4:5", problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith("invalid YAML: "), problem.message());
    }

    @Test
    void manyProblems_allReportedInDocumentOrder() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(INVALID.resolve("many-problems.yaml")));

        List<String> lines = error.getMessage().lines().toList();
        assertEquals(3, lines.size(), error.getMessage());
        String file = INVALID.resolve("many-problems.yaml").toString();
        assertEquals(file + ":3:10: horizon: invalid duration '5 years': unknown unit 'years'; "
                + Units.DURATION_HINT, lines.get(0));
        assertEquals(file + ":5:9: growth.kind: invalid value 'exponentail'; "
                + "did you mean 'exponential'?", lines.get(1));
        assertEquals(file + ":12:7: plan.phases[0].colour: unknown field; valid fields here "
                + "are name, backend, migration, next_when", lines.get(2));
    }

    @Test
    void invalidUtf8_reportsByteAndPosition(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("latin1.yaml");
        byte[] text = "name: base\nhorizon: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, text);

        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(file));

        ScenarioProblem problem = error.problems().get(0);
        assertEquals(1, error.problems().size(), error.getMessage());
        assertEquals("2:13", problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith("invalid UTF-8: byte 0xE9"), problem.message());
    }

    @Test
    void fileOverSizeLimit_rejectedBeforeParsing(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("huge.yaml");
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(Scenarios.MAX_FILE_BYTES + 1L);
        }

        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(file));

        assertEquals(1, error.problems().size(), error.getMessage());
        assertEquals(file + ":1:1: file larger than 10 MiB; a scenario file takes a few"
                + " kilobytes, so check the path", error.getMessage());
    }

    @Test
    void twoDocuments_sayWhatWasExpected() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse("name: a\n---\nname: b\n", "two.yaml"));

        ScenarioProblem problem = error.problems().get(0);
        assertEquals("2:1", problem.line() + ":" + problem.column());
        assertTrue(problem.message().contains("expected a single document"), problem.message());
    }

    @Test
    void missingFile_reportsNotFound() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(INVALID.resolve("no-such-file.yaml")));

        assertTrue(error.getMessage().endsWith("no-such-file.yaml:1:1: file not found; "
                + "check the path, which is relative to the current folder "
                + Path.of("").toAbsolutePath()), error.getMessage());
    }

    @Test
    void missingAbsoluteFile_namesNoFolder(@TempDir Path folder) {
        Path missing = folder.resolve("no-such-file.yaml");
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(missing));

        assertEquals(missing + ":1:1: file not found; check the path", error.getMessage());
    }

    @Test
    void folder_reportsNotAFile(@TempDir Path folder) {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.load(folder));

        assertTrue(error.getMessage().endsWith(":1:1: a folder, not a file; give the path of a"
                + " scenario file"), error.getMessage());
    }

    @Test
    void readFailure_accessDenied_namesPermission(@TempDir Path folder) {
        Path file = folder.resolve("locked.yaml");

        String message = Scenarios.readFailure(file, new AccessDeniedException(file.toString()));

        assertEquals("cannot read the file: permission denied; let the user who runs headroom"
                + " read it", message);
    }

    @Test
    void tokenTableReadFailure_accessDenied_namesPermission(@TempDir Path folder) {
        Path table = folder.resolve("tokens.csv");

        String message = TokenTableCheck.readFailure(table,
                new AccessDeniedException(table.toString()));

        assertEquals("cannot read the token-size table " + table + " (permission denied); give"
                + " the path of a readable UTF-8 file written by headroom workload fit", message);
    }

    @Test
    void emptyText_reportsEmptyScenario() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse("# only a comment\n", "empty.yaml"));

        assertTrue(error.getMessage().startsWith("empty.yaml:1:1: empty scenario"),
                error.getMessage());
    }

    @Test
    void topLevelList_reportsWrongType() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse("- a\n- b\n", "list.yaml"));

        assertTrue(error.getMessage().startsWith("list.yaml:1:1: wrong type: expected a "
                + "mapping"), error.getMessage());
    }

    @Test
    void profileWeightTooLargeForANumber_reportsItsPosition() {
        // A weight above the largest double parsed as Infinity, passed validation, and the run
        // then ran out of heap on endless arrivals at one instant.
        String weight = "1" + "0".repeat(309);
        String text = withSections("""
                workload:
                  hourly_profile: [%s,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]
                """).formatted(weight);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "big.yaml"));

        assertEquals(1, error.problems().size(), error.getMessage());
        ScenarioProblem problem = error.problems().get(0);
        assertEquals("6:20", problem.line() + ":" + problem.column());
        assertEquals("workload.hourly_profile[0]", problem.path());
        assertTrue(problem.message().startsWith("out of range: the number '1000"),
                problem.message());
    }

    @Test
    void latencyMeanOutOfRange_reportedOnce() {
        // A lognormal mean above the range was replaced by the fallback of 0 and then reported a
        // second time, at the same position, as a missing positive mean.
        String text = withSections("""
                sheets:
                  read_latency: {distribution: lognormal, mean: 1h, sigma: 0.5}
                workload:
                  request_duration: {distribution: exponential, mean: 11m}
                """);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "slow.yaml"));

        List<ScenarioProblem> problems = error.problems();
        assertEquals(2, problems.size(), error.getMessage());
        assertEquals("sheets.read_latency.mean", problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith("out of range: 1h is outside the"
                + " accepted range, which is greater than 0s and at most 10m;"),
                problems.get(0).message());
        assertEquals("workload.request_duration.mean", problems.get(1).path());
        assertTrue(problems.get(1).message().startsWith("out of range: 11m is outside the"
                + " accepted range, which is greater than 0s and at most 10m;"),
                problems.get(1).message());
    }

    @Test
    void fixedLatencyMean_rangeIncludesZero() {
        String text = withSections("""
                sheets:
                  read_latency: {distribution: fixed, mean: 11m}
                """);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "slow.yaml"));

        List<ScenarioProblem> problems = error.problems();
        assertEquals(1, problems.size(), error.getMessage());
        assertEquals("out of range: 11m is not between 0s and 10m; use a duration in that range",
                problems.get(0).message());
    }

    @Test
    void negativeRequestRate_statesRangeAboveZero() {
        String text = withSections("""
                workload:
                  request_rate: {mean_per_day: -5}
                """);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "rate.yaml"));

        List<ScenarioProblem> problems = error.problems();
        assertEquals(1, problems.size(), error.getMessage());
        assertEquals("workload.request_rate.mean_per_day", problems.get(0).path());
        assertEquals("out of range: -5 is outside the accepted range, which is greater than 0 and"
                + " at most 1000000; use a number in that range", problems.get(0).message());
    }

    @Test
    void gridChecks_skipFieldsAlreadyReported() {
        // tabs_per_workbook 0 and default_grid_rows 0 are out of range and were replaced by the
        // defaults, 200 tabs and 1,000 rows, which the checks of the cell limits against the
        // tabs and the grid, the workbook's and the archive's, then reported as if the file had
        // written them.
        String text = withSections("""
                sheets: {tabs_per_workbook: 0, default_grid_rows: 0, cells_per_workbook: 1000}
                sheets_archive: {cell_limit: 1000}
                """).replace("{kind: sheets}", "{kind: sheets, features: [archive]}");
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "grid.yaml"));

        List<ScenarioProblem> problems = error.problems();
        assertEquals(2, problems.size(), error.getMessage());
        assertEquals("sheets.tabs_per_workbook", problems.get(0).path());
        assertEquals("sheets.default_grid_rows", problems.get(1).path());
        assertTrue(problems.get(1).message().startsWith("out of range: 0 is not between 1"),
                problems.get(1).message());
    }

    @Test
    void emptyName_isMissingValueAtTheKey() {
        // The key is present, so "missing required field" was wrong: the file has the field.
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(MINIMAL.replace("name: a", "name:"), "empty.yaml"));

        assertEquals(1, error.problems().size(), error.getMessage());
        ScenarioProblem problem = error.problems().get(0);
        assertEquals("name", problem.path());
        assertEquals(1, problem.line());
        assertEquals(1, problem.column());
        assertTrue(problem.message().startsWith("missing value; "), problem.message());
    }

    @Test
    void emptyGrowthAndPlan_missingValue() {
        // Both read as absent, so the problem was "missing required field" at the value.
        String text = MINIMAL.replace("growth: {kind: linear, initial_users: 3, users_per_year:"
                + " 100}", "growth: ~").replace("""
                plan:
                  hourly_rate: 1
                  phases: [{name: s, backend: {kind: sheets}}]
                """, "plan:\n");
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "empty.yaml"));
        List<ScenarioProblem> problems = error.problems();

        assertEquals(2, problems.size(), error.getMessage());
        assertEquals("growth", problems.get(0).path());
        assertEquals("4:1", problems.get(0).line() + ":" + problems.get(0).column());
        assertEquals("missing value; add growth with a kind: piecewise, linear, exponential or"
                + " logistic", problems.get(0).message());
        assertEquals("plan", problems.get(1).path());
        assertEquals("5:1", problems.get(1).line() + ":" + problems.get(1).column());
        assertEquals("missing value; add a plan with an hourly_rate and at least one phase",
                problems.get(1).message());
    }

    @Test
    void lastPhaseEmptyTriggers_removeNextWhen() {
        // The hints named a trigger value to write, which on the last phase is an error too.
        String hint = "the last phase takes no next_when, since no phase follows it, so remove"
                + " next_when";
        String[] nextWhens = {"next_when: {users: }", "next_when: {}"};
        String[] messages = {"missing value; " + hint, "empty trigger; " + hint};
        String[] paths = {"plan.phases[0].next_when.users", "plan.phases[0].next_when"};
        for (int i = 0; i < nextWhens.length; i++) {
            String text = MINIMAL.replace("phases: [{name: s, backend: {kind: sheets}}]",
                    "phases: [{name: s, backend: {kind: sheets}, " + nextWhens[i] + "}]");
            InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                    () -> Scenarios.parse(text, "empty.yaml"));

            assertEquals(1, error.problems().size(), error.getMessage());
            assertEquals(paths[i], error.problems().get(0).path());
            assertEquals(messages[i], error.problems().get(0).message());
        }
    }

    @Test
    void emptyListItems_areMissingValues() {
        // An empty item read as a value of '', which the file does not contain.
        String text = MINIMAL.replace("phases: [{name: s, backend: {kind: sheets}}]", """
                phases:
                    - name: s
                      backend:
                        kind: sheets
                        features:
                          - archive
                          -
                      next_when: {users: 2}
                    -""");
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "empty.yaml"));
        List<ScenarioProblem> problems = error.problems();

        assertEquals(2, problems.size(), error.getMessage());
        assertEquals("plan.phases[0].backend.features[1]", problems.get(0).path());
        assertEquals("missing value; write redis-cache or archive, or remove the empty item",
                problems.get(0).message());
        assertEquals("plan.phases[1]", problems.get(1).path());
        assertEquals("missing value; write the item's fields, or remove the empty item",
                problems.get(1).message());
    }

    @Test
    void triggerWithoutValue_isMissingValue() {
        // A users trigger with no value read as absent. Alone it made an empty trigger, and
        // beside date it was dropped with no message.
        for (String triggers : List.of("{users: }", "{users: , date: 2025-01-02}")) {
            String text = MINIMAL.replace("phases: [{name: s, backend: {kind: sheets}}]", """
                    phases:
                        - {name: s, backend: {kind: sheets}, next_when: %s}
                        - {name: t, backend: {kind: postgres}}""".formatted(triggers));
            InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                    () -> Scenarios.parse(text, "empty.yaml"), triggers);
            List<ScenarioProblem> problems = error.problems();

            assertEquals(1, problems.size(), error.getMessage());
            assertEquals("plan.phases[0].next_when.users", problems.get(0).path());
            assertEquals("missing value; write when the trigger fires, such as users: 800, or"
                    + " remove it", problems.get(0).message());
        }
    }

    /**
     * Sections to insert before the plan, the position of the empty field's name, its path, and
     * the whole message.
     */
    static Stream<Arguments> emptyOptionalFields() {
        return Stream.of(
                Arguments.of("seed:\n", "5:1", "seed", "missing value; write a whole number such"
                        + " as 200, or remove the field to use the default (1)"),
                Arguments.of("balance_cache_ttl: ~\n", "5:1", "balance_cache_ttl",
                        "missing value; write a duration such as 30s, or remove the field to use"
                                + " the default (30s)"),
                Arguments.of("admission: null\n", "5:1", "admission", "missing value; write one"
                        + " of cached-check, uncached-check, atomic-debit, or remove the field to"
                        + " use the default (cached-check)"),
                Arguments.of("churn:\n", "5:1", "churn", "missing value; write the fields"
                        + " indented under churn, or remove the field to use the defaults"),
                Arguments.of("redis:\n  nodes: 2\n  ttl:\n", "7:3", "redis.ttl",
                        "missing value; write a duration such as 30s, or remove the field to use"
                                + " the default (5m)"),
                Arguments.of("sheets_archive:\n  cost_per_run: ~\n", "6:3",
                        "sheets_archive.cost_per_run", "missing value; write an amount of"
                                + " dollars such as 1.25, or remove the field to use the default"
                                + " ($0)"),
                Arguments.of("dynamodb:\n  dax:\n    hit_rate:\n", "7:5",
                        "dynamodb.dax.hit_rate", "missing value; write a number such as 0.5, or"
                                + " remove the field to use the default (0)"),
                Arguments.of("workload:\n  row: {columns: 12, bytes: }\n", "6:22",
                        "workload.row.bytes", "missing value; write a size such as 500B, or"
                                + " remove the field to use the default (500 bytes)"),
                Arguments.of("workload:\n  hourly_profile: null\n", "6:3",
                        "workload.hourly_profile", "missing value; write a list of 24 weights,"
                                + " one per hour, or remove the field to use the default"
                                + " (flat)"),
                Arguments.of("workload:\n  weekday_profile:\n", "6:3",
                        "workload.weekday_profile", "missing value; write a list of 7 weights,"
                                + " one per day, or remove the field to use the default (flat)"),
                Arguments.of("workload:\n  models: ~\n", "6:3", "workload.models",
                        "missing value; write a list of models such as - {name: a, share: 1,"
                                + " input_price_per_million: 0.15, output_price_per_million:"
                                + " 0.60}, or remove the field to use the default (one free"
                                + " model)"),
                // The per-user quota's default of 60 is above the project's 10, but the file
                // states no per-user quota to compare.
                Arguments.of("sheets:\n  quotas:\n    read_per_minute_per_project: 10\n"
                        + "    read_per_minute_per_user:\n", "8:5",
                        "sheets.quotas.read_per_minute_per_user", "missing value; write a whole"
                                + " number such as 200, or remove the field to use the default"
                                + " (60)"),
                Arguments.of("sheets:\n  quotas:\n    write_per_minute_per_project: ~\n"
                        + "    write_per_minute_per_user: 400\n", "7:5",
                        "sheets.quotas.write_per_minute_per_project", "missing value; write a"
                                + " whole number such as 200, or remove the field to use the"
                                + " default (300)"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("emptyOptionalFields")
    void emptyOptionalField_isMissingValueAtTheKey(
            String sections, String position, String path, String message) {
        // An optional field with no value read as absent, so its default applied silently.
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(withSections(sections), "empty.yaml"));
        List<ScenarioProblem> problems = error.problems();

        assertEquals(1, problems.size(), error.getMessage());
        ScenarioProblem problem = problems.get(0);
        assertEquals(position, problem.line() + ":" + problem.column(), error.getMessage());
        assertEquals(path, problem.path());
        assertEquals(message, problem.message());
    }

    @Test
    void emptyOptionalFieldsOfPhase_areMissingValues() {
        String text = MINIMAL.replace("phases: [{name: s, backend: {kind: sheets}}]", """
                phases:
                    - name: s
                      backend: {kind: sheets, features: ~}
                      migration: {effort_hours: }
                      next_when:""");
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "empty.yaml"));
        List<ScenarioProblem> problems = error.problems();

        assertEquals(3, problems.size(), error.getMessage());
        assertEquals("plan.phases[0].backend.features", problems.get(0).path());
        assertEquals("9:31", problems.get(0).line() + ":" + problems.get(0).column());
        assertEquals("missing value; write the items as a list, one '- ' per item, or remove"
                + " the field to use the default", problems.get(0).message());
        assertEquals("plan.phases[0].migration.effort_hours", problems.get(1).path());
        assertEquals("10:19", problems.get(1).line() + ":" + problems.get(1).column());
        assertEquals("missing value; write a whole number such as 200, or remove the field to"
                + " use the default (0)", problems.get(1).message());
        assertEquals("plan.phases[0].next_when", problems.get(2).path());
        assertEquals("11:7", problems.get(2).line() + ":" + problems.get(2).column());
        assertEquals("missing value; the last phase takes no next_when, since no phase follows"
                + " it, so remove the field", problems.get(2).message());
    }

    @Test
    void emptyInapplicableField_reportedOnce() {
        // A sigma or dataset with no value does not apply to the chosen distribution or source,
        // so the message states that rather than asking for a value.
        String text = withSections("""
                workload:
                  request_rate: {distribution: constant, sigma: }
                  token_sizes: {source: fixed, tokens_in: 1, tokens_out: 1, dataset: ~}
                """);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "empty.yaml"));
        List<ScenarioProblem> problems = error.problems();

        assertEquals(2, problems.size(), error.getMessage());
        assertEquals("workload.request_rate.sigma", problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith("inconsistent settings: sigma applies"
                + " only to distribution: lognormal;"), problems.get(0).message());
        assertEquals("workload.token_sizes.dataset", problems.get(1).path());
        assertTrue(problems.get(1).message().startsWith("inconsistent settings: dataset applies"
                + " only to source: bundled;"), problems.get(1).message());
    }

    @Test
    void horizonPartDay_namesTheValueAsWritten() {
        // 1.5d was shown as 36h, a value the file does not contain.
        String text = MINIMAL.replace("horizon: 3d", "horizon: 1.5d");
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "part.yaml"));

        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).message().startsWith("not a whole number of days:"
                + " 1.5d would run only 1d,"), error.getMessage());
    }

    @Test
    void misspelledChoice_reportedAloneNotItsFields() {
        // A misspelled source or distribution read as the default one, so the fields of the
        // choice meant were reported too: tokens_in as unknown, sigma as inconsistent.
        String text = withSections("""
                workload:
                  request_rate: {distribution: lognormall, mean_per_day: 10, sigma: 1}
                  token_sizes: {source: fixd, tokens_in: 4000, tokens_out: 400}
                  request_duration: {distribution: lognorml, mean: 1s, sigma: 0.5}
                """);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "typo.yaml"));

        List<ScenarioProblem> problems = error.problems();
        assertEquals(3, problems.size(), error.getMessage());
        assertEquals("workload.request_rate.distribution", problems.get(0).path());
        assertEquals("workload.token_sizes.source", problems.get(1).path());
        assertEquals("invalid value 'fixd'; did you mean 'fixed'?", problems.get(1).message());
        assertEquals("workload.request_duration.distribution", problems.get(2).path());
    }

    @Test
    void fieldOfAnotherTokenSource_namesItsSource() {
        // A dataset left over after switching to source: fixed was an unknown field, as if
        // misspelled, though it is a field of source: bundled.
        String text = withSections("""
                workload:
                  token_sizes: {source: fixed, dataset: azure-conv-2023, tokens_in: 9,
                                tokens_out: 9}
                """);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "left.yaml"));

        assertEquals(1, error.problems().size(), error.getMessage());
        ScenarioProblem problem = error.problems().get(0);
        assertEquals("workload.token_sizes.dataset", problem.path());
        assertEquals("inconsistent settings: dataset applies only to source: bundled; remove it"
                + " or set source: bundled", problem.message());
    }

    /**
     * Returns {@link #MINIMAL} with {@code sections}, top-level YAML lines, inserted before its
     * plan, so that they start at line 5.
     */
    private static String withSections(String sections) {
        return MINIMAL.replace("plan:\n", sections + "plan:\n");
    }
}
