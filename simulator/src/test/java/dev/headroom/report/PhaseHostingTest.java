package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.PhaseHostingTable;
import dev.headroom.projection.Projections;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class PhaseHostingTest {

    private static Scenario scenario;

    /**
     * The run of {@link CostByPhaseTest}'s scenario: a free Sheets phase, then PostgreSQL at
     * $0.01 an hour with free storage, going live at 12:00 on day 4, which splits that day's
     * records at noon. So sheet pays for 36 instance hours, $0.36, and db for 132, $1.32, and
     * neither pays for storage.
     */
    private static Projections projections;

    @BeforeAll
    static void run() throws Exception {
        scenario = Scenarios.parse(CostByPhaseTest.SCENARIO, "phases.yaml");
        projections = CostByPhaseTest.run(scenario);
    }

    @Test
    void phaseHosting_goLiveAfterMidnight_splitsAtGoLive() {
        Table table = projections.phaseHostingByComponent();

        assertEquals(List.of("sheet", "db", "total"), table.stringColumn("phase").asList());
        assertEquals(List.of("rds_instance", "rds_instance", ""),
                table.stringColumn("component").asList());
        assertEquals(List.of(360_000L, 1_320_000L, 1_680_000L),
                table.longColumn("hosting_cost_micros").asList());
    }

    @Test
    void phaseHosting_shortRun_matchesOtherTables() {
        assertIdentities(projections);
    }

    @Test
    void phaseHosting_seedPlan_matchesOtherTables() {
        // 1,000 days reach the DynamoDB phase, the DAX nodes of the migration off it and the
        // first days of the DAX and archive phase.
        Projections seedRun = CostByPhaseTest.run(
                Scenarios.loadDefault().withHorizon(Duration.ofDays(1000)));

        Set<String> paying = new HashSet<>(
                seedRun.phaseHostingByComponent().stringColumn("phase").asList());
        assertTrue(paying.containsAll(List.of("dynamodb", "dynamodb-dax-archive")),
                seedRun.phaseHostingByComponent()::printAll);
        assertIdentities(seedRun);
    }

    @Test
    void markdown_phaseHosting_followsHostingByComponent() {
        String markdown = ReportWriter.markdown(CostByPhaseTest.header(scenario), projections);
        int components = markdown.indexOf("## Hosting by component");
        int phases = markdown.indexOf("## Hosting by phase and component");

        assertTrue(components > 0, markdown);
        assertTrue(phases > components, markdown);
        assertTrue(markdown.indexOf("| sheet | rds_instance | $0.36 |") > phases, markdown);
        assertTrue(markdown.indexOf("| total |  | $1.68 |") > phases, markdown);
        assertTrue(markdown.indexOf("Hosting of db, $1.32: rds_instance $1.32 (100%).")
                > phases, markdown);
    }

    @Test
    void summary_namesEachPhasesLargestComponent() {
        String summary = Summary.render(CostByPhaseTest.header(scenario), projections, "out");

        assertTrue(summary.contains("\nHosting of sheet, $0.36: rds_instance $0.36 (100%).\n"
                + "Hosting of db, $1.32: rds_instance $1.32 (100%). `"
                + PhaseHostingTable.NAME + ".csv` has every component of every phase.\n\n"),
                summary);
        assertTrue(summary.indexOf("Hosting of sheet") > summary.indexOf("Cost by phase"),
                summary);
    }

    @Test
    void write_phaseHosting_writesItsCsv(@TempDir Path folder) throws Exception {
        ReportWriter.write(folder, CostByPhaseTest.header(scenario), projections);

        List<String> lines = Files.readAllLines(folder.resolve(PhaseHostingTable.NAME + ".csv"));
        int columns = lines.indexOf("phase,component,hosting_cost_micros");

        assertTrue(columns > 0, lines::toString);
        assertEquals(List.of("sheet,rds_instance,360000", "db,rds_instance,1320000",
                "total,,1680000"), lines.subList(columns + 1, lines.size()));
    }

    /**
     * Asserts that each phase's components add up to its hosting in the cost by phase, that
     * each component's phases add up to its total in the hosting by component, and that both
     * hold for the printed cents as well, where the cost by phase rounds its rows.
     */
    private static void assertIdentities(Projections run) {
        assertPhasesEqual(run.phaseHostingByComponent(), run.phaseCosts());
        assertPhasesEqual(CostCents.rounded(run.phaseHostingByComponent()),
                CostCents.rounded(run.phaseCosts()));

        Table byPhase = run.phaseHostingByComponent();
        Map<String, Long> components = sums(byPhase, "component");
        components.remove(""); // the total row's
        Table byYear = run.hostingByComponent();
        int yearTotal = byYear.rowCount() - 1;
        for (Column<?> column : byYear.columns().subList(2, byYear.columnCount())) {
            String name = column.name().substring(0, column.name().length() - "_micros".length());
            assertEquals(((LongColumn) column).getLong(yearTotal),
                    components.getOrDefault(name, 0L), name);
            components.remove(name);
        }
        assertEquals(Map.of(), components, "components that no year has");
        assertEquals(byYear.longColumn("hosting_cost_micros").getLong(yearTotal),
                lastRow(byPhase.longColumn("hosting_cost_micros")));
    }

    /** Asserts that the rows of each phase add up to its hosting in the phase costs. */
    private static void assertPhasesEqual(Table byComponent, Table phaseCosts) {
        Map<String, Long> phases = sums(byComponent, "phase");
        StringColumn names = phaseCosts.stringColumn("phase");
        LongColumn hosting = phaseCosts.longColumn("hosting_cost_micros");
        for (int row = 0; row < phaseCosts.rowCount(); row++) {
            assertEquals(hosting.getLong(row), phases.getOrDefault(names.get(row), 0L),
                    names.get(row));
        }
        assertTrue(names.asList().containsAll(phases.keySet()), phases::toString);
    }

    /** Returns the hosting of the rows, total row included, summed by a column's value. */
    private static Map<String, Long> sums(Table table, String column) {
        Map<String, Long> sums = new HashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            sums.merge(table.stringColumn(column).get(row),
                    table.longColumn("hosting_cost_micros").getLong(row), Math::addExact);
        }
        return sums;
    }

    private static long lastRow(LongColumn column) {
        return column.getLong(column.size() - 1);
    }
}
