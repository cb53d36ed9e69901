package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Positions of the alias and nesting limits that SnakeYAML reports without one. */
class YamlLimitsTest {

    private static ScenarioProblem firstProblem(String text) {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "bad.yaml"));
        return error.problems().get(0);
    }

    private static String nested(int levels) {
        return "a: " + "[".repeat(levels) + "]".repeat(levels) + "\n";
    }

    @Test
    void aliasBomb_reportsTheAliasOverTheLimit() {
        String text = "a: &a [x, x]\nb: [" + "*a, ".repeat(60) + "x]\n";

        ScenarioProblem problem = firstProblem(text);

        assertEquals("2:205", problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith("invalid YAML: more than 50 aliases of mappings"
                + " or lists"), problem.message());
    }

    @Test
    void scalarAliases_doNotCount() {
        String text = "a: &a x\nb: [" + "*a, ".repeat(60) + "x]\n";

        ScenarioProblem problem = firstProblem(text);

        assertFalse(problem.message().startsWith("invalid YAML"), problem.message());
    }

    @Test
    void deepNesting_reportsTheNodeOverTheLimit() {
        ScenarioProblem problem = firstProblem(nested(60));

        assertEquals("1:54", problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith("invalid YAML: mappings and lists nested more"
                + " than 50 deep;"), problem.message());
    }

    @Test
    void nestingAtTheLimit_parses() {
        ScenarioProblem problem = firstProblem(nested(50));

        assertFalse(problem.message().startsWith("invalid YAML"), problem.message());
    }
}
