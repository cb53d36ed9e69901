package dev.headroom.scenario;

import dev.headroom.workload.InputFormatException;
import dev.headroom.workload.TokenSizeTable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the token-size table that a scenario names in {@code workload.token_sizes.file} while
 * the scenario loads, so that a missing or malformed table is reported at that field's
 * position instead of when a run starts.
 */
final class TokenTableCheck {

    /** The field path of the table's file name. */
    static final String FIELD_PATH = "workload.token_sizes.file";

    private static final List<String> KEYS = List.of("workload", "token_sizes", "file");

    private TokenTableCheck() {
    }

    /**
     * Reads the table if the scenario names one.
     *
     * @param yaml the scenario's text, used to find the field's line and column
     * @param fileName the scenario file as the user gave it, for messages
     * @throws InvalidScenarioException if the table cannot be read or has a malformed line
     */
    static void check(Scenario scenario, String yaml, String fileName)
            throws InvalidScenarioException {
        if (!(scenario.workload().tokenSizes() instanceof TokenSizes.FromFile fromFile)) {
            return;
        }
        Path table = fromFile.file();
        String problem = readProblem(table);
        if (problem != null) {
            Node value = fieldValue(yaml);
            int line = value == null ? 1 : value.getStartMark().getLine() + 1;
            int column = value == null ? 1 : value.getStartMark().getColumn() + 1;
            throw new InvalidScenarioException(
                    List.of(new ScenarioProblem(fileName, line, column, FIELD_PATH, problem)));
        }
    }

    private static String readProblem(Path table) {
        try {
            if (Scenarios.readAtMost(table, Scenarios.MAX_FILE_BYTES).length
                    > Scenarios.MAX_FILE_BYTES) {
                return "token-size table " + table + " is larger than 10 MiB; give the path of a"
                        + " table written by headroom workload fit";
            }
            TokenSizeTable.read(table);
            return null;
        } catch (NoSuchFileException e) {
            return "token-size table " + table + " not found; write the path of a table written"
                    + " by headroom workload fit, relative to the scenario's folder";
        } catch (InputFormatException e) {
            return "invalid token-size table: " + e.getMessage();
        } catch (IOException e) {
            return readFailure(table, e);
        }
    }

    /**
     * Returns the problem for a table that exists but could not be read. The message of an
     * {@link AccessDeniedException} is only the path, so that case is named instead.
     */
    static String readFailure(Path table, IOException e) {
        String reason;
        if (Files.isDirectory(table)) {
            reason = "it is a folder";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e.getMessage() == null) {
            reason = e.getClass().getSimpleName();
        } else {
            reason = e.getMessage();
        }
        return "cannot read the token-size table " + table + " (" + reason + "); give the"
                + " path of a readable UTF-8 file written by headroom workload fit";
    }

    /**
     * Returns the node of {@code workload.token_sizes.file}, or null if the text lacks it. The
     * text has already parsed once, so composing it again does not fail.
     */
    private static Node fieldValue(String yaml) {
        Node node = YamlNodes.compose(yaml);
        for (String key : KEYS) {
            node = child(node, key);
        }
        return node;
    }

    private static Node child(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }
}
