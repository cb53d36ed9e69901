package dev.headroom.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the top-level mapping of a scenario file onto a {@link Scenario}, recording every problem
 * in the file's {@link Problems} rather than stopping at the first.
 */
final class ScenarioReader {

    /** The minimum horizon of a scenario. */
    static final Duration MIN_HORIZON = Duration.ofDays(1);
    /** The maximum horizon of a scenario: 100 years of 365 days. */
    static final Duration MAX_HORIZON = Duration.ofDays(100 * 365L);
    /**
     * The largest {@code rate_per_year} times midpoint in years of a logistic curve, so that its
     * start {@code capacity / (1 + e^exponent)} is above zero as a double.
     */
    static final int MAX_LOGISTIC_EXPONENT = 700;
    /** The minimum seed; the maximum is {@link Long#MAX_VALUE}. */
    static final long MIN_SEED = 0;

    private ScenarioReader() {
    }

    /** Reads a whole scenario; the result is only meaningful when no problem was recorded. */
    static Scenario read(Section root) {
        String name = root.text("name", "unnamed",
                "write a short name for reports, such as name: seed-plan");
        long seed = root.count("seed", Defaults.SEED, MIN_SEED, Long.MAX_VALUE, null);
        LocalDate startDate = root.read("start_date", LocalDate.EPOCH, ScenarioReader::date,
                "a date", "write the calendar date of the run's first day, such as 2025-01-01");
        Duration horizon = root.duration("horizon", Duration.ofDays(365), MIN_HORIZON,
                MAX_HORIZON, "write how long to simulate, such as horizon: 5y");
        if (horizon.toMillis() % Duration.ofDays(1).toMillis() != 0) {
            root.problem("horizon", "not a whole number of days: " + root.written("horizon")
                    + " would run only " + horizon.toDays() + "d, since runs simulate whole"
                    + " days; write a number of days, such as " + horizon.toDays() + "d");
        }
        long maxDays = Scenarios.maxHorizonDays(startDate);
        boolean datesRead = !root.hasProblemWithin("start_date")
                && !root.hasProblemWithin("horizon");
        if (datesRead && horizon.toDays() > maxDays) {
            root.problem("horizon", "out of range: a run that starts on " + startDate
                    + " reaches " + Scenarios.LAST_DATE + " after " + maxDays + "d, and dates"
                    + " end there; shorten the horizon to at most " + maxDays + "d or start"
                    + " earlier");
        }
        Growth growth = GrowthReader.read(root);
        Churn churn = readChurn(root.section("churn"));
        Workload workload = WorkloadReader.read(root.section("workload"));
        SheetsSettings sheets = StoreReader.sheets(root.section("sheets"));
        Duration cacheTtl = root.duration("balance_cache_ttl", Defaults.BALANCE_CACHE_TTL,
                Duration.ZERO, Duration.ofDays(1), null);
        RedisSettings redis = StoreReader.redis(root.section("redis"));
        SheetsArchiveSettings sheetsArchive = StoreReader.sheetsArchive(
                root.section("sheets_archive"));
        AdmissionDesign admission = root.choice("admission", AdmissionDesign.CACHED_CHECK,
                AdmissionDesign.class, null);
        DynamoDbSettings dynamoDb = StoreReader.dynamoDb(root.section("dynamodb"));
        PostgresSettings postgres = SqlStoreReader.postgres(root.section("postgres"));
        SqliteEfsSettings sqliteEfs = SqlStoreReader.sqliteEfs(root.section("sqlite_efs"));
        Plan plan = PlanReader.read(root, startDate);
        root.finish();

        checkRowFitsGrid(root, workload.row(), sheets, plan);
        checkArchiveTabFits(root, workload.row(), sheets, sheetsArchive, plan);
        return new Scenario(name, seed, horizon, startDate, growth, churn, workload, sheets,
                cacheTtl, redis, sheetsArchive, admission, dynamoDb, postgres, sqliteEfs, plan);
    }

    private static Churn readChurn(Section section) {
        double rate = section.number("monthly_rate", 0.0, 0.0, 0.99, null);
        section.finish();
        return new Churn(rate);
    }

    /**
     * Checks that the cell limit leaves room for one row in every tab the guard allows, when a
     * phase keeps a tab per user. Also checks that a shared log's row, which is one column wider
     * for the email, stays within Sheets' column limit.
     */
    private static void checkRowFitsGrid(Section root, RowShape row, SheetsSettings sheets,
            Plan plan) {
        boolean tabPerUser = plan.phases().stream().anyMatch(phase ->
                phase.backend() instanceof Backend.Sheets
                        || phase.backend() instanceof Backend.ShardedSheets);
        boolean sharedLog = plan.phases().stream().anyMatch(phase ->
                phase.backend() instanceof Backend.SharedLogSheets);
        if (sharedLog && row.columns() + 1 > WorkloadReader.MAX_COLUMNS) {
            root.section("workload").section("row").problem("columns", "out of range: a"
                    + " shared log adds an email column, so its rows would be " + (row.columns()
                    + 1) + " columns, above the limit of " + WorkloadReader.MAX_COLUMNS
                    + "; use at most " + (WorkloadReader.MAX_COLUMNS - 1) + " columns");
        }
        long rowCells = row.columns();
        // A field already reported now has its default, a value the file does not contain.
        Section sheetsSection = root.section("sheets");
        boolean read = !sheetsSection.hasProblem("cells_per_workbook")
                && !sheetsSection.hasProblem("tabs_per_workbook")
                && !root.section("workload").section("row").hasProblem("columns");
        if (read && tabPerUser
                && sheets.cellsPerWorkbook() < rowCells * sheets.tabsPerWorkbook()) {
            sheetsSection.problem("cells_per_workbook", "inconsistent settings: "
                    + sheets.cellsPerWorkbook() + " cells cannot give each of "
                    + sheets.tabsPerWorkbook() + " tabs one row of " + rowCells
                    + " columns; raise cells_per_workbook or lower tabs_per_workbook");
        }
    }

    /**
     * Checks that an archive workbook can take one archive tab of one row, when a phase runs the
     * archive job: under the default grid a tab takes the whole default grid.
     */
    private static void checkArchiveTabFits(Section root, RowShape row, SheetsSettings sheets,
            SheetsArchiveSettings archive, Plan plan) {
        boolean archives = plan.phases().stream()
                .anyMatch(phase -> phase.backend().usesArchive());
        long tabCells = sheets.gridMode() == SheetsSettings.GridMode.DEFAULT_GRID
                ? (long) Math.max(sheets.defaultGridRows(), 1)
                        * Math.max(sheets.defaultGridColumns(), row.columns())
                : row.columns();
        // A field already reported now has its default, a value the file does not contain.
        Section sheetsSection = root.section("sheets");
        boolean read = !sheetsSection.hasProblem("default_grid_rows")
                && !sheetsSection.hasProblem("default_grid_columns")
                && !sheetsSection.hasProblem("grid_mode")
                && !root.section("workload").section("row").hasProblem("columns")
                && !root.section("sheets_archive").hasProblem("cell_limit");
        if (read && archives && archive.cellLimit() < tabCells) {
            root.section("sheets_archive").problem("cell_limit", "inconsistent settings: "
                    + archive.cellLimit() + " cells cannot take one archive tab, which needs "
                    + tabCells + " cells with sheets.grid_mode " + Section.configName(
                            sheets.gridMode()) + "; raise cell_limit");
        }
    }

    static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1 || date.isAfter(Scenarios.LAST_DATE)) {
                throw new IllegalArgumentException("out of range: " + text.strip()
                        + " is not between 0001-01-01 and 9999-12-31; use a date in that range");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date '" + text
                    + "'; write an ISO date such as 2025-01-31");
        }
    }

    /** Reads the growth curve, whose fields depend on its kind. */
    static final class GrowthReader {

        private GrowthReader() {
        }

        /** Reads the {@code growth} mapping of {@code root}, the top-level mapping. */
        static Growth read(Section root) {
            if (!root.has("growth")) {
                root.missing("growth", "add growth with a kind: piecewise, linear, exponential"
                        + " or logistic");
                return new Growth.Linear(0, 0);
            }
            Section section = root.section("growth");
            GrowthKind kind = section.choice("kind", null, GrowthKind.class,
                    "write kind: piecewise, linear, exponential or logistic");
            Growth growth = kind == null ? new Growth.Linear(0, 0) : switch (kind) {
                case PIECEWISE -> piecewise(section);
                case LINEAR -> new Growth.Linear(
                        section.count("initial_users", 0, 0, Integer.MAX_VALUE, null),
                        section.number("users_per_year", 0, 0, 1e9,
                                "write the users added per year, such as 1000"));
                case EXPONENTIAL -> new Growth.Exponential(
                        section.count("initial_users", 1, 1, Integer.MAX_VALUE,
                                "write the users at time zero, at least 1"),
                        section.number("annual_growth", 0, 0, 1e3,
                                "write the growth per year as a fraction, such as 1.0"));
                case LOGISTIC -> logistic(section);
            };
            if (kind != null) {
                section.finish();
            }
            return growth;
        }

        private static Growth logistic(Section section) {
            long capacity = section.count("capacity", 1, 1, Integer.MAX_VALUE,
                    "write the user count the curve approaches");
            double rate = section.number("rate_per_year", 1, 1e-6, 1e3,
                    "write the steepness per year, such as 2.0");
            Duration midpoint = section.duration("midpoint", Duration.ZERO, Duration.ZERO,
                    MAX_HORIZON, "write when the curve reaches half the capacity, such as 3y");
            Growth.Logistic logistic = new Growth.Logistic(capacity, rate, midpoint);
            // A double represents e^x only for x below about 709.78, so a larger exponent would
            // give the curve a start of 0.
            double exponent = logistic.startExponent();
            if (exponent > MAX_LOGISTIC_EXPONENT) {
                section.problem("midpoint", "rate_per_year times the midpoint in years is "
                        + Formats.number(exponent) + ", above " + MAX_LOGISTIC_EXPONENT
                        + ", so the curve would start too close to 0 users to compute; start"
                        + " the run later and bring the midpoint closer by the same time");
                return new Growth.Logistic(capacity, rate, Duration.ZERO);
            }
            return logistic;
        }

        private static Growth piecewise(Section section) {
            if (!section.has("points")) {
                section.missing("points",
                        "write a list of points such as - {at: 1y, users: 100}");
                return new Growth.Piecewise(List.of(new Growth.Point(Duration.ZERO, 0)));
            }
            List<Growth.Point> points = new ArrayList<>();
            Duration previous = null;
            long previousUsers = -1;
            for (Section item : section.sections("points")) {
                Duration at = item.duration("at", Duration.ZERO, Duration.ZERO, MAX_HORIZON,
                        "write the time of the point, such as at: 1y");
                long users = item.count("users", 0, 0, Integer.MAX_VALUE,
                        "write the user count at that time, such as users: 100");
                item.finish();
                // An invalid time or count is already reported and was replaced by a default.
                // A point out of time order is not compared by count with its neighbour.
                boolean inOrder = item.hasReadable("at");
                if (inOrder && previous == null && !at.isZero()) {
                    item.problem("at", "out of order: the first point must be at 0d; "
                            + "add a point at 0d with the starting user count");
                } else if (inOrder && previous != null && at.compareTo(previous) <= 0) {
                    item.problem("at", "out of order: " + Formats.duration(at)
                            + " does not come after " + Formats.duration(previous)
                            + "; list points in increasing time");
                    inOrder = false;
                }
                boolean usersRead = item.hasReadable("users");
                if (inOrder && usersRead && previousUsers >= 0 && users < previousUsers) {
                    item.problem("users", "out of order: " + users + " users is below the"
                            + " previous point's " + previousUsers
                            + "; growth points never lose users, so use churn.monthly_rate for"
                            + " users who leave");
                }
                if (inOrder) {
                    previous = at;
                    if (usersRead) {
                        previousUsers = users;
                    }
                }
                points.add(new Growth.Point(at, users));
            }
            if (points.isEmpty()) {
                if (section.isList("points")) {
                    section.problem("points", "empty list; add at least the point at 0d");
                }
                points.add(new Growth.Point(Duration.ZERO, 0));
            }
            return new Growth.Piecewise(points);
        }
    }

    /** Kinds of growth curve, as scenario files name them. */
    enum GrowthKind {
        PIECEWISE, LINEAR, EXPONENTIAL, LOGISTIC
    }
}
