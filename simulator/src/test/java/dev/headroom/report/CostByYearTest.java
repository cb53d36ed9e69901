package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.projection.Projections;
import dev.headroom.run.RunProgress;
import dev.headroom.run.RunSetups;
import dev.headroom.run.SimulationRun;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CostByYearTest {

    /**
     * A PostgreSQL instance at $0.000003 an hour and free storage: each 365-day year costs
     * 8,760 x 3 = 26,280 micro-dollars, $0.02628, and the two years $0.05256. Each year on its
     * own rounds to $0.03, the total to $0.05.
     */
    private static final String SCENARIO = """
            name: cents
            start_date: 2025-01-01
            horizon: 730d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 1}
            postgres:
              instance_price_per_hour: 0.000003
              storage_price_per_gb_month: 0
            plan:
              hourly_rate: 100
              phases:
                - name: db
                  backend: {kind: postgres}
            """;

    private static final Pattern DOLLARS = Pattern.compile("\\$([0-9,]+\\.[0-9]{2})");

    private static Scenario scenario;
    private static Projections projections;

    @BeforeAll
    static void run() throws Exception {
        scenario = Scenarios.parse(SCENARIO, "cents.yaml");
        projections = Projections.of(new SimulationRun(
                RunSetups.of(scenario, Path.of("."))).run(RunProgress.NONE));
    }

    @Test
    void summary_printedYears_addUpToPrintedTotal() {
        String summary = Summary.render(header(), projections, "out");

        List<BigDecimal> hosting = hostingColumn(summary);

        assertEquals(List.of(new BigDecimal("0.03"), new BigDecimal("0.02"),
                new BigDecimal("0.05")), hosting, summary);
    }

    @Test
    void markdown_printedYears_addUpToPrintedTotal() {
        String markdown = ReportWriter.markdown(header(), projections);

        List<BigDecimal> hosting = hostingColumn(markdown);

        assertEquals(hosting.get(2), hosting.get(0).add(hosting.get(1)), markdown);
        assertEquals(new BigDecimal("0.05"), hosting.get(2), markdown);
    }

    @Test
    void csv_keepsExactMicros() {
        assertEquals(List.of(26_280L, 26_280L, 52_560L),
                projections.costs().longColumn("hosting_cost_micros").asList());
    }

    private static ReportHeader header() {
        return new ReportHeader("test", scenario.name(), "hash", scenario.seed(), 730,
                ScenarioText.lines(scenario));
    }

    /** Returns the hosting dollars of the year 1, year 2 and total rows of the cost table. */
    private static List<BigDecimal> hostingColumn(String text) {
        String table = text.substring(text.indexOf("Cost by year"));
        List<BigDecimal> values = new ArrayList<>();
        for (String line : table.lines().toList()) {
            String cells = line.replace("|", " ").strip();
            if (!cells.matches("(1|2|total)\\s.*")) {
                continue;
            }
            Matcher dollars = DOLLARS.matcher(line);
            List<BigDecimal> amounts = new ArrayList<>();
            while (dollars.find()) {
                amounts.add(new BigDecimal(dollars.group(1).replace(",", "")));
            }
            // The money columns are development, hosting and total, in that order.
            values.add(amounts.get(1));
            if (values.size() == 3) {
                break;
            }
        }
        return values;
    }
}
