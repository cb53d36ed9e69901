package dev.headroom.run;

import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.projection.Projections;
import dev.headroom.report.DaxNote;
import dev.headroom.report.ReportHeader;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleDaxRunTest {

    /** Two users on DynamoDB with one $1-an-hour DAX node for two days. */
    private static final String DAX = """
            name: dax
            seed: 7
            start_date: 2025-01-06
            horizon: 2d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 2}
            workload:
              token_sizes: {source: fixed, tokens_in: 100, tokens_out: 100}
            dynamodb:
              consistency: %s
              dax: {node_price_per_hour: 1, nodes: 1, hit_rate: %s}
            plan:
              hourly_rate: 100
              phases:
                - name: cached
                  backend: {kind: dynamodb, features: [dax]}
            """;

    @Test
    void strongReads_noteTheNodeCost() throws Exception {
        assertEquals(List.of("Note: the DAX nodes cost $48.00 and served no balance read."
                + " Balance reads are strongly consistent (dynamodb.consistency: strong), and"
                + " DAX passes such reads through to the table, so dynamodb.dax.hit_rate has no"
                + " effect. Under dynamodb.consistency: eventual DAX serves that fraction of the"
                + " reads, and each table read costs half a read unit."), note("strong"));
    }

    @Test
    void eventualReads_giveNoNote() throws Exception {
        assertEquals(List.of(), note("eventual"));
    }

    @Test
    void eventualZeroHitRate_notesTheNodeCost() throws Exception {
        assertEquals(List.of("Note: the DAX nodes cost $48.00 and served no balance read,"
                + " because dynamodb.dax.hit_rate is 0. Set it to the fraction of the eventually"
                + " consistent reads that DAX serves, or remove the dax feature."),
                note("eventual", "0"));
    }

    private static List<String> note(String consistency) throws Exception {
        return note(consistency, "0.5");
    }

    private static List<String> note(String consistency, String hitRate) throws Exception {
        String yaml = DAX.formatted(consistency, hitRate);
        Scenario scenario = Scenarios.parse(yaml, "test.yaml");
        ReportHeader header = new ReportHeader("test", scenario.name(), "hash", scenario.seed(),
                scenario.horizonDays(), ScenarioText.lines(scenario));
        return DaxNote.lines(header, Projections.of(run(yaml)));
    }
}
