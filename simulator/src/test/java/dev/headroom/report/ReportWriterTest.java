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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ReportWriterTest {

    private static final Path OUTPUTS_DOC = Path.of("..", "docs", "outputs.md");

    /** Two Sheets users over three days: a run short enough to build every table. */
    private static final String SHORT_SCENARIO = """
            name: short
            start_date: 2025-01-01
            horizon: 3d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 2}
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
            """;

    @Test
    void scenarioText_seedPlan_usesFileNamesAndUnits() {
        List<String> lines = ScenarioText.lines(Scenarios.loadDefault());

        assertTrue(lines.contains("horizon: 1825d"), lines::toString);
        assertTrue(lines.contains("start_date: 2024-10-25"), lines::toString);
        assertTrue(lines.contains("plan.hourly_rate: $100"), lines::toString);
        assertTrue(lines.contains("plan.phases[1].backend.router: char-sum"), lines::toString);
        assertTrue(lines.contains("plan.phases[1].backend.kind: sheets-sharded"),
                lines::toString);
        assertTrue(lines.contains("dynamodb.write_price_per_million: $1.25"), lines::toString);
        assertTrue(lines.contains("balance_cache_ttl: 30s"), lines::toString);
        assertTrue(lines.contains("plan.phases[1].next_when.throttled_calls_per_day: 10"),
                lines::toString);
        assertTrue(lines.contains("plan.phases[1].next_when.p95_latency: 2s"), lines::toString);
        assertTrue(lines.contains("plan.phases[3].backend.features: [dax, s3-archive]"),
                lines::toString);
        assertTrue(lines.contains("plan.phases[2].backend.features: []"), lines::toString);
        assertTrue(lines.contains("workload.row.bytes: 500B"), lines::toString);
        assertTrue(lines.contains("dynamodb.item_bytes: 500B"), lines::toString);
        assertTrue(lines.contains("sheets.read_latency.sigma: 0.5"), lines::toString);
        assertTrue(lines.contains("redis.node_price_per_hour: $0.017"), lines::toString);
        assertTrue(lines.contains("redis.ttl: 5m"), lines::toString);
        assertTrue(lines.contains("redis.on_write: invalidate"), lines::toString);
        assertTrue(lines.contains("redis.latency.distribution: lognormal"), lines::toString);
        assertTrue(lines.contains("redis.latency.mean: 1ms"), lines::toString);
        assertTrue(lines.contains("plan.phases[1].backend.features: []"), lines::toString);
        for (String line : lines) {
            // The redis section takes no per_thousand_rows, so the lines must not show one.
            assertFalse(line.startsWith("redis.latency.per_thousand_rows"), line);
            assertFalse(line.contains("Micros"), line);
            // Whole seconds and longer are shown in their unit, so only short times keep ms.
            assertFalse(line.matches(".*[^0-9]\\d*000ms$"), line);
            assertFalse(line.contains(".size"), line);
            assertFalse(line.contains("next_when["), line);
        }
    }

    @Test
    void scenarioText_sigmaOnlyForLognormal() throws Exception {
        Scenario scenario = Scenarios.parse("""
                name: fixed
                start_date: 2025-01-01
                horizon: 3d
                growth:
                  kind: piecewise
                  points:
                    - {at: 0d, users: 2}
                workload:
                  request_rate: {distribution: constant, mean_per_day: 5}
                sheets:
                  read_latency: {distribution: fixed, mean: 100ms}
                plan:
                  hourly_rate: 100
                  phases:
                    - name: one
                      backend: {kind: sheets}
                """, "fixed.yaml");

        List<String> lines = ScenarioText.lines(scenario);

        assertTrue(lines.contains("sheets.read_latency.distribution: fixed"), lines::toString);
        assertFalse(lines.stream().anyMatch(line -> line.startsWith("sheets.read_latency.sigma")
                || line.startsWith("workload.request_rate.sigma")), lines::toString);
    }

    @Test
    void scenarioText_smallAndLargeNumbers_writtenAsTheFileWritesThem() throws Exception {
        // Java prints 0.0005 as 5.0E-4 and 12345678.5 as 1.23456785E7, which the loader rejects,
        // so a parameter line copied back into a scenario file was an invalid number.
        Scenario scenario = Scenarios.parse("""
                name: numbers
                start_date: 2025-01-01
                horizon: 3d
                growth: {kind: linear, users_per_year: 20_000_000}
                churn: {monthly_rate: 0.0005}
                workload:
                  request_rate: {distribution: lognormal, mean_per_day: 0.0001, sigma: 0.5}
                  hourly_profile: [0.00001,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,12345678.5]
                plan:
                  hourly_rate: 100
                  phases:
                    - name: one
                      backend: {kind: dynamodb}
                """, "numbers.yaml");

        List<String> lines = ScenarioText.lines(scenario);

        assertTrue(lines.contains("churn.monthly_rate: 0.0005"), lines::toString);
        assertTrue(lines.contains("workload.request_rate.mean_per_day: 0.0001"), lines::toString);
        assertTrue(lines.contains("workload.hourly_profile[0]: 0.00001"), lines::toString);
        assertTrue(lines.contains("workload.hourly_profile[23]: 12345678.5"), lines::toString);
        assertTrue(lines.contains("growth.users_per_year: 20000000.0"), lines::toString);
        assertTrue(lines.contains("workload.request_rate.sigma: 0.5"), lines::toString);
        assertTrue(lines.contains("workload.hourly_profile[1]: 1.0"), lines::toString);
    }

    @Test
    void csvColumns_areDocumented() throws Exception {
        Scenario scenario = Scenarios.parse(SHORT_SCENARIO, "short.yaml");
        Projections projections = run(scenario);
        String doc = Files.readString(OUTPUTS_DOC);

        for (Table table : projections.all()) {
            for (String column : table.columnNames()) {
                // A column named per quota, limit or gauge is documented by its prefix.
                int colon = column.indexOf(':');
                String documented = colon < 0 ? column : column.substring(0, colon + 1);
                assertTrue(doc.contains("`" + documented), table.name() + " column "
                        + column + " is missing from " + OUTPUTS_DOC);
            }
        }
    }

    @Test
    void markdown_parameters_comeAfterResults() throws Exception {
        String markdown = shortMarkdown();
        int limits = markdown.indexOf("## Limit timeline");
        int outages = markdown.indexOf("## Outages");
        int parameters = markdown.indexOf("## Parameters");

        assertTrue(limits > 0, markdown);
        assertTrue(markdown.substring(0, limits).lines().count() < 15, markdown);
        assertTrue(parameters > outages, markdown);
        assertTrue(markdown.indexOf("horizon: 3d") > parameters, markdown);
        assertEquals(-1, markdown.indexOf("parameter "), markdown);
    }

    @Test
    void markdown_hostingByComponent_followsCostByYear() throws Exception {
        String markdown = shortMarkdown();
        int costs = markdown.indexOf("## Cost by year");
        int hosting = markdown.indexOf("## Hosting by component");

        assertTrue(costs > 0, markdown);
        assertTrue(hosting > costs, markdown);
        assertTrue(markdown.indexOf("| year | hosting_cost_usd |") > hosting, markdown);
    }

    /** Returns the Markdown report of a run of {@link #SHORT_SCENARIO}. */
    private static String shortMarkdown() throws Exception {
        Scenario scenario = Scenarios.parse(SHORT_SCENARIO, "short.yaml");
        ReportHeader header = new ReportHeader("test", scenario.name(), "hash",
                scenario.seed(), 3, ScenarioText.lines(scenario));
        return ReportWriter.markdown(header, run(scenario));
    }

    private static Projections run(Scenario scenario) {
        return Projections.of(new SimulationRun(RunSetups.of(scenario, Path.of(".")))
                .run(RunProgress.NONE));
    }
}
