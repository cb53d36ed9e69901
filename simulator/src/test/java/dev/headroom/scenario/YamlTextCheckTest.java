package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Characters and line lengths that a scenario is checked for before it is parsed. */
class YamlTextCheckTest {

    private static ScenarioProblem onlyProblem(String text) {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> Scenarios.parse(text, "bad.yaml"));
        assertEquals(1, error.problems().size(), error.getMessage());
        return error.problems().get(0);
    }

    @Test
    void nulByte_reportsItsLineAndColumn() {
        ScenarioProblem problem = onlyProblem("name: a\nhorizon: 7\u0000d\n");

        assertEquals("2:11", problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith("invalid character U+0000: "),
                problem.message());
    }

    @Test
    void controlCharacter_afterCrLfLines_countsLines() {
        ScenarioProblem problem = onlyProblem("name: a\r\nseed: 1\r\nhorizon: \u007f\r\n");

        assertEquals("3:10", problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith("invalid character U+007F: "),
                problem.message());
    }

    @Test
    void longCommentLine_rejectedQuickly() {
        String text = "name: a\n# " + "x".repeat(3_000_000) + "\n";

        ScenarioProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> onlyProblem(text));

        assertEquals("2:100001", problem.line() + ":" + problem.column());
        assertTrue(problem.message().startsWith("line longer than 100,000 characters"),
                problem.message());
    }

    @Test
    void lineAtTheLimit_isAccepted() throws InvalidScenarioException {
        String comment = "# " + "x".repeat(YamlTextCheck.MAX_LINE_CHARACTERS - 2);
        for (String lineEnd : new String[] {"\n", "\r\n"}) {
            String text = Scenarios.defaultText() + comment + lineEnd;

            Scenario scenario = Scenarios.parse(text, "long.yaml");

            assertEquals(Scenarios.loadDefault(), scenario, "line ending " + lineEnd.length());
        }
    }
}
