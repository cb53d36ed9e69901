package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MergeKeyRunTest {

    private static final String EXPANDED = RunScenarios.THREE_USERS.replace("""
            sheets:
              read_latency: {distribution: fixed, mean: 100ms}
              write_latency: {distribution: fixed, mean: 100ms}
            """, """
            sheets:
              read_latency: {distribution: lognormal, mean: 100ms, sigma: 0.8}
              write_latency: {distribution: lognormal, mean: 300ms, sigma: 0.8}
            """);

    private static final String MERGED = RunScenarios.THREE_USERS.replace("""
            sheets:
              read_latency: {distribution: fixed, mean: 100ms}
              write_latency: {distribution: fixed, mean: 100ms}
            """, """
            sheets:
              read_latency: &latency {distribution: lognormal, mean: 100ms, sigma: 0.8}
              write_latency:
                <<: *latency
                mean: 300ms
            """);

    @Test
    void mergedScenario_runsAsExpandedOne() throws Exception {
        assertNotEquals(RunScenarios.THREE_USERS, MERGED, "the merge was not written in");
        RunResult expanded = RunScenarios.run(EXPANDED);
        RunResult merged = RunScenarios.run(MERGED);

        assertEquals(expanded.days(), merged.days());
        assertEquals(expanded.eventsProcessed(), merged.eventsProcessed());
    }
}
