package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.projection.Projections;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the parts of the printed cost tables of {@code report.md} add up as printed. */
class PrintedSumsTest {

    /**
     * A 5-day run on PostgreSQL: 120 instance hours at $0.00005, $0.006, and 73 GB for 12
     * GB-months at $0.00225, $0.027. Rounded half up on their own, the components print $0.01
     * and $0.03, but their sum, $0.033, prints $0.03. The first phase's development is one hour
     * at $0.003, so the total, $0.036, prints $0.04, as the CSV file and a sweep round it, and
     * development prints the remaining $0.01.
     */
    static final String SCENARIO = """
            name: split
            start_date: 2025-01-01
            horizon: 5d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 2}
            postgres:
              instance_price_per_hour: 0.00005
              allocated_storage_gb: 73
              storage_price_per_gb_month: 0.00225
            plan:
              hourly_rate: 0.003
              phases:
                - name: db
                  backend: {kind: postgres}
                  migration: {effort_hours: 1}
            """;

    private static String markdown;

    @BeforeAll
    static void run() throws Exception {
        Scenario scenario = Scenarios.parse(SCENARIO, "split.yaml");
        Projections projections = CostByPhaseTest.run(scenario);
        markdown = ReportWriter.markdown(CostByPhaseTest.header(scenario), projections);
    }

    @Test
    void hostingByComponent_years_addUp() {
        List<List<String>> rows = rows("Hosting by component");

        assertEquals(List.of("year", "hosting_cost_usd", "rds_instance_usd", "rds_storage_usd"),
                rows.get(0), markdown);
        assertEquals(List.of("1 (5 days)", "$0.03", "$0.00", "$0.03"), rows.get(1));
        assertEquals(List.of("total", "$0.03", "$0.00", "$0.03"), rows.get(2));
        for (List<String> row : rows.subList(1, rows.size())) {
            long components = 0;
            for (String cell : row.subList(2, row.size())) {
                components += cents(cell);
            }
            assertEquals(cents(row.get(1)), components, row::toString);
        }
    }

    @Test
    void hostingByComponent_hosting_matchesCostByYear() {
        List<List<String>> components = rows("Hosting by component");
        List<List<String>> years = rows("Cost by year");
        int hosting = years.get(0).indexOf("hosting_cost_usd");

        assertEquals(years.size(), components.size(), markdown);
        for (int row = 1; row < years.size(); row++) {
            assertEquals(years.get(row).get(hosting), components.get(row).get(1),
                    years.get(row)::toString);
        }
    }

    @Test
    void costByYear_parts_addUpToTotal() {
        assertPartsAddUp(rows("Cost by year"));
    }

    @Test
    void costByPhase_parts_addUpToTotal() {
        assertPartsAddUp(rows("Cost by phase"));
    }

    /** Asserts that each row's printed development and hosting add up to its printed total. */
    private static void assertPartsAddUp(List<List<String>> rows) {
        List<String> header = rows.get(0);
        int development = header.indexOf("development_cost_usd");
        int hosting = header.indexOf("hosting_cost_usd");
        int total = header.indexOf("total_cost_usd");
        assertTrue(development > 0, header::toString);
        assertTrue(hosting > 0, header::toString);
        assertTrue(total > 0, header::toString);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(cents(row.get(total)),
                    cents(row.get(development)) + cents(row.get(hosting)), row::toString);
        }
        List<String> totalRow = rows.get(rows.size() - 1);
        assertEquals(List.of("$0.01", "$0.03", "$0.04"), List.of(totalRow.get(development),
                totalRow.get(hosting), totalRow.get(total)));
    }

    /** Returns the cells of the table under a section title, the header row first. */
    private static List<List<String>> rows(String title) {
        int start = markdown.indexOf("## " + title + "\n");
        assertTrue(start >= 0, markdown);
        List<List<String>> rows = new ArrayList<>();
        for (String line : markdown.substring(start).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            if (line.startsWith("|---")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Parses a printed amount such as {@code $1,234.56} into cents. */
    private static long cents(String dollars) {
        assertTrue(dollars.matches("\\$[0-9,]+\\.[0-9]{2}"), dollars);
        return Long.parseLong(dollars.substring(1).replace(",", "").replace(".", ""));
    }
}
