package dev.headroom.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one scenario file while it loads. */
final class Problems {

    private final String file;
    private final List<ScenarioProblem> found = new ArrayList<>();
    /**
     * Fields written with no value, by path. Each becomes a problem at the end of loading unless
     * another problem is recorded at its path, such as a required field's own message.
     */
    private final Map<String, ScenarioProblem> emptyValues = new LinkedHashMap<>();

    Problems(String file) {
        this.file = file;
    }

    /** Records a problem at the start of {@code node}. */
    void add(Node node, String path, String message) {
        add(node.getStartMark(), path, message);
    }

    /**
     * Records a problem at a position that SnakeYAML reports, which counts from 0. A problem
     * already recorded is not added again, as when a mapping is read twice.
     */
    void add(Mark mark, String path, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        add(line, column, path, message);
    }

    /** Records a problem at a line and column that count from 1. */
    void add(int line, int column, String path, String message) {
        ScenarioProblem problem = new ScenarioProblem(file, line, column, path, message);
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    /**
     * Records that the field at {@code path}, whose name starts at {@code mark}, has no value.
     * A later call for the same path replaces the message unless {@code keepFirst} is true.
     */
    void addEmptyValue(Mark mark, String path, String message, boolean keepFirst) {
        ScenarioProblem problem = new ScenarioProblem(file, mark.getLine() + 1,
                mark.getColumn() + 1, path, message);
        if (keepFirst) {
            emptyValues.putIfAbsent(path, problem);
        } else {
            emptyValues.put(path, problem);
        }
    }

    /**
     * Records a problem for each field written with no value that has no other problem at its
     * path. Call it once the whole file is read.
     */
    void reportEmptyValues() {
        for (ScenarioProblem problem : emptyValues.values()) {
            boolean reported = found.stream().anyMatch(other -> other.path()
                    .equals(problem.path()));
            if (!reported) {
                found.add(problem);
            }
        }
        emptyValues.clear();
    }

    /** Removes the problems recorded at {@code path} whose message starts with {@code prefix}. */
    void withdraw(String path, String prefix) {
        found.removeIf(problem -> problem.path().equals(path)
                && problem.message().startsWith(prefix));
    }

    /**
     * Returns whether a problem is recorded at {@code path}, counting a field written with no
     * value, whose default is a value the file does not contain.
     */
    boolean any(String path) {
        return found.stream().anyMatch(problem -> problem.path().equals(path))
                || emptyValues.containsKey(path);
    }

    /** Returns whether a problem is recorded at {@code path} or at a field or item inside it. */
    boolean anyWithin(String path) {
        return found.stream().map(ScenarioProblem::path).anyMatch(at -> isWithin(at, path))
                || emptyValues.keySet().stream().anyMatch(at -> isWithin(at, path));
    }

    private static boolean isWithin(String at, String path) {
        return at.equals(path) || at.startsWith(path + ".") || at.startsWith(path + "[");
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws every problem recorded so far, sorted by position, if there is any. */
    void throwIfAny() throws InvalidScenarioException {
        if (!found.isEmpty()) {
            List<ScenarioProblem> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparingInt(ScenarioProblem::line)
                    .thenComparingInt(ScenarioProblem::column));
            throw new InvalidScenarioException(sorted);
        }
    }
}
