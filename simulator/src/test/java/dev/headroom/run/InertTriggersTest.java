package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.scenario.ScenarioProblem;
import dev.headroom.scenario.Scenarios;
import dev.headroom.testing.SmallPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class InertTriggersTest {

    private static List<String> notes(String sections, String backend, String triggers)
            throws Exception {
        String yaml = SmallPlan.of(sections, """
                    - name: first
                      backend: %s
                      next_when: %s
                    - name: last
                      backend: {kind: dynamodb}
                """.formatted(backend, triggers));
        return UnreachableTriggers.find(yaml, "s.yaml", Scenarios.parse(yaml, "s.yaml")).stream()
                .map(ScenarioProblem::toString).toList();
    }

    @Test
    void monthlyCost_onFreeSheets() throws Exception {
        assertEquals(List.of("s.yaml:11:19: plan.phases[0].next_when.monthly_cost: never fires:"
                + " phase 'first' and the phases before it run on Google Sheets without a Redis"
                + " cache or an archive job with a cost_per_run, and Sheets' API is free of"
                + " charge, so its monthly cost stays $0; give it another trigger, or remove it"),
                notes("", "{kind: sheets-sharded, workbooks: 2}", "{monthly_cost: 10}"));
        assertEquals(List.of(), notes("", "{kind: sheets, features: [redis-cache]}",
                "{monthly_cost: 10}"));
        assertEquals(List.of(), notes("", "{kind: postgres}", "{monthly_cost: 10}"));
    }

    @Test
    void monthlyCost_onSheetsWithPricedArchive() throws Exception {
        String priced = "sheets_archive: {keep: 10d, every: 10d, cost_per_run: 5}";

        assertEquals(List.of(), notes(priced, "{kind: sheets, features: [archive]}",
                "{monthly_cost: 1}"));
        assertEquals(1, notes("sheets_archive: {keep: 10d, every: 10d}",
                "{kind: sheets, features: [archive]}", "{monthly_cost: 1}").size());
        assertEquals(1, notes(priced, "{kind: sheets}", "{monthly_cost: 1}").size());
    }

    @Test
    void throttledCalls_onPostgres() throws Exception {
        assertEquals(List.of("s.yaml:11:19: plan.phases[0].next_when.throttled_calls_per_day:"
                + " never fires: PostgreSQL has no quota, so no call of phase 'first' is"
                + " throttled, and its connection and storage limits fail calls instead; use"
                + " failed_requests_per_day, or remove it"),
                notes("", "{kind: postgres}", "{throttled_calls_per_day: 5}"));
        assertEquals(List.of(), notes("", "{kind: sheets}", "{throttled_calls_per_day: 5}"));
    }

    @Test
    void sqliteWithoutLatency_neverWaits() throws Exception {
        List<String> notes = notes("", "{kind: sqlite-efs}",
                "{throttled_calls_per_day: 5, p95_latency: 1s}");

        assertEquals(2, notes.size());
        assertEquals("s.yaml:11:19: plan.phases[0].next_when.throttled_calls_per_day: never"
                + " fires: sqlite_efs.latency is 0, so no write of phase 'first' holds the write"
                + " lock and no call waits for it; set sqlite_efs.latency, or remove it",
                notes.get(0));
        assertEquals("s.yaml:11:47: plan.phases[0].next_when.p95_latency: never fires:"
                + " sqlite_efs.latency is 0, so every call of phase 'first' takes 0 ms; set"
                + " sqlite_efs.latency, or remove it", notes.get(1));
        assertEquals(List.of(), notes("sqlite_efs: {latency: {distribution: fixed, mean: 5ms}}",
                "{kind: sqlite-efs}", "{throttled_calls_per_day: 5, p95_latency: 1s}"));
    }

    @Test
    void p95Latency_onInstantPostgres() throws Exception {
        assertEquals(List.of("s.yaml:11:19: plan.phases[0].next_when.p95_latency: never fires:"
                + " postgres.latency is 0, so every call of phase 'first' takes 0 ms; set"
                + " postgres.latency, or remove it"),
                notes("", "{kind: postgres}", "{p95_latency: 2s}"));
        assertEquals(List.of(), notes("postgres: {latency: {distribution: fixed, mean: 0s,"
                + " per_thousand_rows: 1ms}}", "{kind: postgres}", "{p95_latency: 2s}"));
        assertEquals(List.of(), notes("", "{kind: sheets}", "{p95_latency: 2s}"));
    }
}
