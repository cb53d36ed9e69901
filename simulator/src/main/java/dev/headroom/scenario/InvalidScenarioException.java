package dev.headroom.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a scenario file cannot be read or has problems. It carries every problem found in
 * the file, in document order, so a user can fix them all in one pass.
 */
public final class InvalidScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioProblem> problems;

    /** Creates an exception from at least one problem. */
    public InvalidScenarioException(List<ScenarioProblem> problems) {
        super(problems.stream().map(ScenarioProblem::toString)
                .collect(Collectors.joining(System.lineSeparator())));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid scenario needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, in document order. */
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
