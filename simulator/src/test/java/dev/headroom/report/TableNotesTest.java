package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.CapacityTable;
import dev.headroom.projection.Projections;
import dev.headroom.run.PhaseInfo;
import dev.headroom.run.RunProgress;
import dev.headroom.run.RunSetups;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableNotesTest {

    /**
     * Two users a day move from one sheet of two tabs to two workbooks of two tabs each, so the
     * tab guard binds on the second day and the move is made.
     */
    private static final String SCENARIO = """
            name: notes
            seed: 7
            start_date: 2025-01-01
            horizon: 7d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 0}
                - {at: 7d, users: 14}
            sheets:
              tabs_per_workbook: 2
            plan:
              hourly_rate: 100
              phases:
                - name: one
                  backend: {kind: sheets}
                  next_when: {users: 1}
                - name: two
                  backend: {kind: sheets-sharded, workbooks: 2, router: char-sum}
                  migration: {effort_hours: 1, lead_time: 1d}
            """;

    private static Scenario scenario;
    private static Projections projections;

    @BeforeAll
    static void run() throws Exception {
        scenario = Scenarios.parse(SCENARIO, "notes.yaml");
        projections = Projections.of(new SimulationRun(
                RunSetups.of(scenario, Path.of("."))).run(RunProgress.NONE));
    }

    @Test
    void markdown_namesFirstLimitToBind() {
        String markdown = ReportWriter.markdown(header(), projections);
        String first = "The first limit to bind was tabs, on 2025-01-02 in phase one with 2"
                + " users.";

        assertTrue(markdown.contains(first), markdown);
        assertTrue(markdown.indexOf(first) > markdown.indexOf("## Limit timeline"), markdown);
        assertTrue(markdown.indexOf(first) < markdown.indexOf("## Phase changes"), markdown);
    }

    @Test
    void summaryAndMarkdown_adviseSweepForDates() {
        String advice = "one draw of the random workload, seed 7, and another seed can move each"
                + " one. Before acting on a date or a start_by day, run `headroom sweep`";

        assertTrue(Summary.render(header(), projections, "out").contains(advice));
        assertTrue(ReportWriter.markdown(header(), projections).contains(advice));
    }

    @Test
    void markdown_explainsStartBy() {
        String markdown = ReportWriter.markdown(header(), projections);
        int note = markdown.indexOf("start_by is the last day a migration could start");

        assertTrue(note > markdown.indexOf("## Phase changes"), markdown);
        assertTrue(note < markdown.indexOf("## Capacity"), markdown);
        assertTrue(markdown.contains("A start_by of - means the old phase never failed."),
                markdown);
        assertFalse(markdown.contains("the day before the run's first day"), markdown);
    }

    @Test
    void changesNote_leadPastRunStart() throws Exception {
        // Phase one fails on the second day, and two's lead time of a year reaches back past
        // the run's first day, so the move's start_by is the day before it.
        Scenario longLead = Scenarios.parse(SCENARIO.replace("lead_time: 1d", "lead_time: 365d"),
                "notes.yaml");
        Projections run = Projections.of(new SimulationRun(
                RunSetups.of(longLead, Path.of("."))).run(RunProgress.NONE));
        String note = TableNotes.changes(run).get(0);

        assertEquals(List.of("2024-12-31"), run.changes().stringColumn("start_by").asList());
        assertTrue(note.contains(" A start_by of the day before the run's first day means that"
                + " the lead time is longer than the days from the run's start to the first"
                + " failure, so the migration had to start before the run began. "), note);
    }

    @Test
    void summary_givesDaysBehindCellsPerYear() {
        String summary = Summary.render(header(), projections, "out");

        assertTrue(summary.contains("nominal_max_users is workbooks times the tabs per"
                + " workbook"), summary);
        assertTrue(summary.contains("scaled to 365 days from the days measured: "
                + "1 day for one and 4 days for two."), summary);
    }

    @Test
    void capacityNote_cellsFall_namesTrend() {
        Table daily = Table.create("daily",
                StringColumn.create("date", "2025-01-01", "2025-01-02", "2025-01-03"),
                StringColumn.create("phase", "arch", "arch", "arch"),
                LongColumn.create("users", 1, 2, 3),
                LongColumn.create("failed_sign_ups", 0, 0, 0),
                LongColumn.create("cells:workbook-0", 1_000, 1_400, 1_200));
        Table capacity = CapacityTable.build(daily,
                List.of(new PhaseInfo("arch", "sheets + archive", 1, 200)));
        Projections archiving = new Projections(daily, Table.create("limits"), capacity,
                Table.create("costs"), Table.create("hosting-by-component"),
                Table.create("phase-costs"), Table.create("phase-hosting-by-component"),
                Table.create("changes"), Table.create("outages"), List.of());

        String note = TableNotes.capacity(archiving).get(0);

        assertTrue(note.endsWith("from the days measured: 2 days for arch. For arch, whose cells"
                + " fell on some day as an archiving phase's do at each run, it is the"
                + " least-squares trend of the daily totals."), note);
        assertFalse(TableNotes.capacity(projections).get(0).contains("least-squares"));
    }

    @Test
    void summary_notes_addNoExtraBlankLines() {
        String summary = Summary.render(header(), projections, "out");

        assertEquals(-1, summary.indexOf("\n\n\n"), summary);
    }

    private static ReportHeader header() {
        return new ReportHeader("test", scenario.name(), "hash", scenario.seed(), 7,
                ScenarioText.lines(scenario));
    }
}
