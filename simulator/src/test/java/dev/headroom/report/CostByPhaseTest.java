package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.PhaseCostTable;
import dev.headroom.projection.Projections;
import dev.headroom.run.RunProgress;
import dev.headroom.run.RunSetups;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CostByPhaseTest {

    /**
     * A free Sheets phase for days 0 to 4, then PostgreSQL at $0.01 an hour with free storage.
     * The migration starts at 00:00 on day 3, 2025-01-04, and goes live at 12:00 on day 4, so
     * day 4 has a record for each phase. The instance bills from the start of the migration: 36
     * hours on sheet's records, $0.36, and 132 hours on db's, from noon on day 4 to the end of
     * day 9, $1.32. Development is one
     * hour for sheet and two for db at $100 an hour.
     */
    static final String SCENARIO = """
            name: phases
            start_date: 2025-01-01
            horizon: 10d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 2}
            postgres:
              instance_price_per_hour: 0.01
              storage_price_per_gb_month: 0
            plan:
              hourly_rate: 100
              phases:
                - name: sheet
                  backend: {kind: sheets}
                  migration: {effort_hours: 1}
                  next_when: {date: 2025-01-04}
                - name: db
                  backend: {kind: postgres}
                  migration: {effort_hours: 2, lead_time: 36h}
            """;

    /** The columns whose total row the cost by year shares. */
    private static final List<String> SUMMED = List.of("development_cost_micros",
            "hosting_cost_micros", "total_cost_micros", "failed_requests", "failed_sign_ups");

    private static Scenario scenario;
    private static Projections projections;

    @BeforeAll
    static void run() throws Exception {
        scenario = Scenarios.parse(SCENARIO, "phases.yaml");
        projections = run(scenario);
    }

    @Test
    void phaseCosts_goLiveAfterMidnight_splitsTheDay() {
        Table costs = projections.phaseCosts();

        assertEquals(List.of("sheet", "db", "total"), costs.stringColumn("phase").asList());
        assertEquals(List.of("2025-01-01", "2025-01-05", ""),
                costs.stringColumn("first_day").asList());
        assertEquals(List.of("2025-01-05", "2025-01-10", ""),
                costs.stringColumn("last_day").asList());
        assertEquals(List.of(5, 6, 10), costs.intColumn("days_served").asList());
        assertEquals(List.of(360_000L, 1_320_000L, 1_680_000L),
                costs.longColumn("hosting_cost_micros").asList());
        assertEquals(List.of(100_000_000L, 200_000_000L, 300_000_000L),
                costs.longColumn("development_cost_micros").asList());
        assertEquals(List.of(100_360_000L, 201_320_000L, 301_680_000L),
                costs.longColumn("total_cost_micros").asList());
        LongColumn runRate = costs.longColumn("hosting_last_30_days_micros");
        assertEquals(List.of(360_000L, 1_320_000L), runRate.first(2).asList());
    }

    @Test
    void phaseCosts_shortRun_totalsEqualYears() {
        assertTotalsEqual(projections);
    }

    @Test
    void phaseCosts_seedPlan_totalsEqualYears() {
        // 900 days cover the move to five shards, its failures and the move to DynamoDB.
        Scenario seedPlan = Scenarios.loadDefault().withHorizon(Duration.ofDays(900));

        Projections seedRun = run(seedPlan);

        assertTrue(seedRun.phaseCosts().rowCount() >= 3, seedRun.phaseCosts()::print);
        assertTotalsEqual(seedRun);
    }

    @Test
    void markdown_costByPhase_printsTotalsAfterCostByYear() {
        String markdown = ReportWriter.markdown(header(scenario), projections);
        int year = markdown.indexOf("## Cost by year");
        int phase = markdown.indexOf("## Cost by phase");

        assertTrue(year > 0, markdown);
        assertTrue(phase > year, markdown);
        assertTrue(markdown.indexOf("| sheet | 2025-01-01 | 2025-01-05 | 5 | $0.36 | $0.36"
                + " | $100.00 | $100.36 | 0 | 0 |") > phase, markdown);
        assertTrue(markdown.indexOf("| total |  |  | 10 | $1.68 |  | $300.00 | $301.68 | 0 | 0 |")
                > phase, markdown);
    }

    @Test
    void note_goLiveAfterMidnight_countsDayForBoth() {
        String note = PhaseCostNote.text(projections);

        assertFalse(note.contains("carries the name of the phase before it"), note);
        assertTrue(note.contains("which has a record for each phase, so that day counts in the"
                + " days_served of both"), note);
    }

    @Test
    void rounded_phaseNamedTotal_phasesAddUpToTotal() {
        // Each phase costs 0.6 of a cent: the first prints 1 cent, the second 0, the total 1.
        Table costs = Table.create("phase-costs",
                StringColumn.create("phase", "a", "total", "total"),
                LongColumn.create("hosting_cost_micros", 6_000, 6_000, 12_000));

        LongColumn printed = CostCents.rounded(costs).longColumn("hosting_cost_micros");

        assertEquals(List.of(10_000L, 0L, 10_000L), printed.asList());
    }

    @Test
    void write_sameScenarioAndSeedTwice_identicalPhaseCosts(@TempDir Path folder)
            throws Exception {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");

        ReportWriter.write(first, header(scenario), run(scenario));
        ReportWriter.write(second, header(scenario), run(scenario));

        String file = PhaseCostTable.NAME + ".csv";
        assertArrayEquals(Files.readAllBytes(first.resolve(file)),
                Files.readAllBytes(second.resolve(file)));
    }

    /** Asserts that the phase table's total row has the cost table's money and failures. */
    private static void assertTotalsEqual(Projections run) {
        Table byPhase = run.phaseCosts();
        Table byYear = run.costs();
        for (String column : SUMMED) {
            assertEquals(lastRow(byYear.longColumn(column)), lastRow(byPhase.longColumn(column)),
                    column);
        }
        assertEquals(run.daily().intColumn("day").countUnique(), byPhase.intColumn("days_served")
                .getInt(byPhase.rowCount() - 1));
    }

    private static long lastRow(LongColumn column) {
        return column.getLong(column.size() - 1);
    }

    /** Returns a report header for a run of {@code scenario}. */
    static ReportHeader header(Scenario scenario) {
        return new ReportHeader("test", scenario.name(), "hash", scenario.seed(), 10,
                ScenarioText.lines(scenario));
    }

    /** Runs {@code scenario} to its horizon and returns its tables. */
    static Projections run(Scenario scenario) {
        return Projections.of(new SimulationRun(RunSetups.of(scenario, Path.of(".")))
                .run(RunProgress.NONE));
    }
}
