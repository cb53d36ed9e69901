package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.Projections;
import dev.headroom.run.RunProgress;
import dev.headroom.run.RunSetups;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The Markdown and CSV reports of a run whose scenario and phases have Markdown in their names. */
class MarkdownNamesTest {

    /** A scenario name may hold any character but a control character. */
    private static final String SCENARIO_NAME =
            "plan | *bold* _em_ `code` [link](x) <i>b</i> &amp; \\ \"q\"\u2028end #";

    /** Phase names allow letters, digits, spaces and {@code - _ . + / ( )}. */
    private static final String FIRST_PHASE = "sheet _one_ (a+b)/c";

    private static final String SECOND_PHASE = "db _2_ 2.0";

    private static Scenario scenario;
    private static Projections projections;
    private static String markdown;

    @BeforeAll
    static void run() throws Exception {
        // The two-phase plan of the cost by phase, with the names replaced.
        String yaml = CostByPhaseTest.SCENARIO
                .replace("name: phases\n", "name: " + yamlQuoted(SCENARIO_NAME) + "\n")
                .replace("- name: sheet\n", "- name: " + yamlQuoted(FIRST_PHASE) + "\n")
                .replace("- name: db\n", "- name: " + yamlQuoted(SECOND_PHASE) + "\n");
        scenario = Scenarios.parse(yaml, "names.yaml");
        projections = Projections.of(new SimulationRun(RunSetups.of(scenario, Path.of(".")))
                .run(RunProgress.NONE));
        ReportHeader header = new ReportHeader("test", scenario.name(), "hash",
                scenario.seed(), scenario.horizonDays(), ScenarioText.lines(scenario));
        markdown = ReportWriter.markdown(header, projections);
    }

    @Test
    void scenarioReader_keepsNamesAsWritten() {
        assertEquals(SCENARIO_NAME, scenario.name());
        assertEquals(FIRST_PHASE, scenario.plan().phases().get(0).name());
        assertEquals(SECOND_PHASE, scenario.plan().phases().get(1).name());
    }

    @Test
    void markdown_phaseChangeRow_keepsColumnsAndNames() {
        List<String> rows = tableRows("## Phase changes");
        int columns = MarkdownTextTest.cells(rows.get(0)).size();
        List<String> row = MarkdownTextTest.cells(rows.get(2));

        assertEquals(projections.changes().columnCount(), columns, rows.get(0));
        assertEquals(columns, row.size(), rows.get(2));
        assertEquals(FIRST_PHASE, MarkdownTextTest.unescape(row.get(0)));
        assertEquals(SECOND_PHASE, MarkdownTextTest.unescape(row.get(1)));
        assertFalse(MarkdownTextTest.hasOpenDelimiter(row.get(0)), row.get(0));
        assertFalse(MarkdownTextTest.hasOpenDelimiter(row.get(1)), row.get(1));
    }

    @Test
    void markdown_phaseTables_keepColumnsAndNames() {
        for (String title : List.of("## Capacity", "## Cost by phase")) {
            List<String> rows = tableRows(title);
            int columns = MarkdownTextTest.cells(rows.get(0)).size();
            boolean first = false;
            boolean second = false;
            for (String line : rows.subList(2, rows.size())) {
                List<String> row = MarkdownTextTest.cells(line);
                assertEquals(columns, row.size(), title + ": " + line);
                assertFalse(MarkdownTextTest.hasOpenDelimiter(row.get(0)), title + ": " + line);
                String phase = MarkdownTextTest.unescape(row.get(0));
                first |= phase.equals(FIRST_PHASE);
                second |= phase.equals(SECOND_PHASE);
            }
            assertTrue(first, title);
            assertTrue(second, title);
        }
    }

    @Test
    void markdown_heading_escapesScenarioName() {
        String heading = markdown.lines().findFirst().orElseThrow();
        String prefix = "# Headroom report: ";

        assertTrue(heading.startsWith(prefix), heading);
        assertEquals(SCENARIO_NAME, MarkdownTextTest.unescape(heading.substring(prefix.length())));
        // A space and unescaped #s at the end would be a closing sequence, not part of the name.
        assertTrue(heading.endsWith("\\#"), heading);
    }

    @Test
    void markdown_outsideFences_hasNoRawName() {
        String prose = withoutFences(markdown);

        for (String name : List.of(SCENARIO_NAME, FIRST_PHASE, SECOND_PHASE)) {
            assertFalse(prose.contains(name), name);
        }
        assertTrue(prose.contains(MarkdownText.escape(FIRST_PHASE)), prose);
        assertTrue(prose.contains(MarkdownText.escape(SECOND_PHASE)), prose);
    }

    @Test
    void markdown_fences_keepRawNames() {
        assertTrue(markdown.contains("\nscenario: " + SCENARIO_NAME + "\n"), markdown);
        assertTrue(markdown.contains("\nplan.phases[0].name: " + FIRST_PHASE + "\n"), markdown);
    }

    @Test
    void csv_keepsRawNames() throws Exception {
        for (Table table : List.of(projections.changes(), projections.capacity(),
                projections.phaseCosts())) {
            String csv = ReportWriter.csv(List.of("scenario: " + SCENARIO_NAME), table);
            Table read = Table.read().usingOptions(CsvReadOptions
                    .builder(new StringReader(csv)).commentPrefix('#')
                    .columnTypes(column -> ColumnType.STRING));

            assertEquals(table.rowCount(), read.rowCount(), csv);
            assertEquals(table.column(0).asList(), read.column(0).asList(), csv);
        }
    }

    @Test
    void sweepMarkdown_escapesTitleTablesAndNotes() {
        ReportHeader header = new ReportHeader("test", SCENARIO_NAME, "hash", 1, 10, List.of());
        Table changes = Table.create("sweep-changes",
                StringColumn.create("from", FIRST_PHASE), StringColumn.create("to", "a|b"));
        String note = "give '" + FIRST_PHASE + "' a date trigger";

        String sweep = new SweepReport(header, List.of(1L, 2L), List.of(changes), List.of(note))
                .markdown();

        assertTrue(sweep.startsWith("# Headroom seed sweep: " + MarkdownText.escape(SCENARIO_NAME)
                + "\n"), sweep);
        assertTrue(sweep.contains("\n| sheet \\_one\\_ (a+b)/c | a\\|b |\n"), sweep);
        assertTrue(sweep.contains("\ngive 'sheet \\_one\\_ (a+b)/c' a date trigger\n"), sweep);
    }

    /** Returns the table lines under the section titled {@code title}: header, rule and rows. */
    private static List<String> tableRows(String title) {
        int start = markdown.indexOf(title + "\n\n");
        assertTrue(start >= 0, title);
        return markdown.substring(start + title.length() + 2).lines()
                .takeWhile(line -> line.startsWith("|")).toList();
    }

    private static String withoutFences(String text) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.append(line).append('\n');
            }
        }
        return prose.toString();
    }

    /** Returns {@code text} as a YAML double-quoted scalar. */
    private static String yamlQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\u2028", "\\L") + "\"";
    }
}
