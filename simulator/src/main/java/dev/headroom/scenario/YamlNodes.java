package dev.headroom.scenario;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the nodes of a composed scenario file that a note about a valid scenario points at.
 * Every lookup returns null when the file does not have the expected shape, and a note at a
 * null node points at the file's first line.
 */
public final class YamlNodes {

    private YamlNodes() {
    }

    /**
     * Composes the text of a scenario file that loaded without problems, with its merge keys
     * applied as the loader applies them.
     */
    public static Node compose(String yaml) {
        return YamlMerges.compose(yaml, new LoaderOptions());
    }

    /** Returns the value of {@code key} in {@code node} if it is a mapping, or null. */
    public static Node value(Node node, String key) {
        NodeTuple entry = tuple(node, key);
        return entry == null ? null : entry.getValueNode();
    }

    /** Returns the key node of {@code key} in {@code node} if it is a mapping, or null. */
    public static Node key(Node node, String key) {
        NodeTuple entry = tuple(node, key);
        return entry == null ? null : entry.getKeyNode();
    }

    /** Returns item {@code index} of {@code node} if it is a long enough sequence, or null. */
    public static Node item(Node node, int index) {
        if (!(node instanceof SequenceNode list) || list.getValue().size() <= index) {
            return null;
        }
        return list.getValue().get(index);
    }

    /**
     * Returns the scalar item {@code text} of {@code node} if it is a sequence that contains it,
     * else {@code node} itself.
     */
    public static Node scalarItem(Node node, String text) {
        if (node instanceof SequenceNode items) {
            for (Node item : items.getValue()) {
                if (item instanceof ScalarNode scalar && scalar.getValue().equals(text)) {
                    return item;
                }
            }
        }
        return node;
    }

    /** Returns a problem at the start of {@code node}, or at line 1, column 1 when it is null. */
    public static ScenarioProblem problem(String fileName, Node node, String path,
            String message) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        int column = node == null ? 1 : node.getStartMark().getColumn() + 1;
        return new ScenarioProblem(fileName, line, column, path, message);
    }

    private static NodeTuple tuple(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple;
            }
        }
        return null;
    }
}
