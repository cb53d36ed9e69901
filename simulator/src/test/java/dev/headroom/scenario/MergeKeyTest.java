package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MergeKeyTest {

    /** A scenario whose {@code sheets} fields, from line 13 on, each test writes. */
    private static final String TEMPLATE = """
            name: merged
            seed: 5
            start_date: 2025-01-06
            horizon: 7d
            growth:
              kind: piecewise
              points:
                - {at: 0d, users: 3}
            workload:
              request_rate: {distribution: constant, mean_per_day: 10}
              token_sizes: {source: fixed, tokens_in: 1_000, tokens_out: 500}
            sheets:
            %s
            plan:
              hourly_rate: 100
              phases:
                - name: single-sheet
                  backend: {kind: sheets}
            """;

    private static final String EXPANDED = """
              read_latency: {distribution: lognormal, mean: 200ms, sigma: 0.5,
                             per_thousand_rows: 5ms}
              write_latency: {distribution: lognormal, mean: 400ms, sigma: 0.5,
                              per_thousand_rows: 5ms}""";

    private static Scenario parse(String sheets) throws InvalidScenarioException {
        String indented = sheets.lines().map(line -> "  " + line)
                .collect(Collectors.joining("\n"));
        return Scenarios.parse(TEMPLATE.formatted(indented), "merged.yaml");
    }

    private static List<ScenarioProblem> problems(String sheets) {
        return assertThrows(InvalidScenarioException.class, () -> parse(sheets)).problems();
    }

    @Test
    void mergedMapping_equalsExpandedFile() throws Exception {
        Scenario merged = parse("""
                  read_latency: &latency
                    distribution: lognormal
                    mean: 200ms
                    sigma: 0.5
                    per_thousand_rows: 5ms
                  write_latency:
                    <<: *latency
                    mean: 400ms""");
        Scenario expanded = parse(EXPANDED);

        assertEquals(expanded, merged);
        assertEquals(Scenarios.canonicalHash(expanded), Scenarios.canonicalHash(merged));
    }

    @Test
    void explicitKey_winsWhenWrittenBeforeMerge() throws Exception {
        Scenario merged = parse("""
                  read_latency: &latency {distribution: lognormal, mean: 200ms, sigma: 0.5,
                                          per_thousand_rows: 5ms}
                  write_latency: {mean: 400ms, <<: *latency}""");

        assertEquals(parse(EXPANDED), merged);
    }

    @Test
    void mergeList_earlierMappingWins() throws Exception {
        Scenario merged = parse("""
                  read_latency: &latency {distribution: lognormal, mean: 200ms, sigma: 0.5,
                                          per_thousand_rows: 5ms}
                  write_latency:
                    <<: [{mean: 400ms}, *latency, {mean: 9s, sigma: 2}]""");

        assertEquals(parse(EXPANDED), merged);
        assertEquals(Duration.ofMillis(400), merged.sheets().writeLatency().base().mean());
    }

    @Test
    void wrongTypeBesideMerge_reportsItsPosition() {
        List<ScenarioProblem> problems = problems("""
                  read_latency: &latency {distribution: fixed, mean: 200ms}
                  write_latency:
                    <<: *latency
                    mean: [400ms]""");

        assertEquals(1, problems.size(), problems.toString());
        ScenarioProblem problem = problems.get(0);
        assertEquals("16:11", problem.line() + ":" + problem.column());
        assertEquals("sheets.write_latency.mean", problem.path());
        assertTrue(problem.message().startsWith("wrong type"), problem.message());
    }

    @Test
    void badMergedValue_reportsPositionInAnchor() {
        List<ScenarioProblem> problems = problems("""
                  read_latency: &latency {distribution: fixed, mean: 200ms, sigma: 0.5}
                  write_latency: {<<: *latency}""");

        List<String> found = problems.stream()
                .map(p -> p.line() + ":" + p.column() + " " + p.path()).toList();
        assertEquals(List.of("13:68 sheets.read_latency.sigma", "13:68 sheets.write_latency.sigma"),
                found);
    }

    @Test
    void duplicateExplicitKey_stillReported() {
        List<ScenarioProblem> problems = problems("""
                  read_latency: &latency {distribution: fixed, mean: 200ms}
                  write_latency: {<<: *latency, mean: 1s, mean: 2s}""");

        assertEquals(1, problems.size(), problems.toString());
        ScenarioProblem problem = problems.get(0);
        assertEquals("14:43", problem.line() + ":" + problem.column());
        assertEquals("sheets.write_latency.mean", problem.path());
        assertEquals("duplicate field; remove one of the two", problem.message());
    }

    @Test
    void mergeOfScalar_isInvalidYamlAtValue() {
        List<ScenarioProblem> problems = problems("""
                  write_latency: {<<: 5, mean: 1s}""");

        assertEquals(1, problems.size(), problems.toString());
        ScenarioProblem problem = problems.get(0);
        assertEquals("13:23", problem.line() + ":" + problem.column());
        assertEquals("invalid YAML: while constructing a mapping, expected a mapping or list of"
                + " mappings for merging, but found scalar; fix the syntax at this position",
                problem.message());
    }

    @Test
    void mergeIntoItself_isInvalidYaml() {
        List<ScenarioProblem> problems = problems("""
                  read_latency: &latency
                    distribution: fixed
                    extra: {<<: *latency}""");

        assertEquals(1, problems.size(), problems.toString());
        ScenarioProblem problem = problems.get(0);
        assertEquals("15:12", problem.line() + ":" + problem.column());
        assertEquals("invalid YAML: while merging into a mapping, the merged mapping contains"
                + " the mapping it merges into, which would never end; fix the syntax at this"
                + " position", problem.message());
    }
}
