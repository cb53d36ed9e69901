package dev.headroom.scenario;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes a scenario file and applies its YAML 1.1 merge keys ({@code <<: *defaults}), so that
 * every reader of the node tree gets each merged field as if it were written in place.
 *
 * <p>SnakeYAML's {@link SafeConstructor} performs the merge itself: keys written in a mapping win
 * over merged ones, and an earlier mapping of a merge list wins over a later one. A merged field
 * keeps the node of the mapping it came from, so its position is the one in that mapping.
 * SnakeYAML 2.5 also drops all but the last of a repeated key while merging, so this class sets
 * the repeats aside first and appends them afterwards, which lets {@link Section} report them as
 * duplicate fields.
 */
final class YamlMerges {

    private YamlMerges() {
    }

    /**
     * Composes {@code yaml} and applies every merge key in it.
     *
     * @return the root node, or null for an empty document
     * @throws MarkedYAMLException if the text is invalid YAML or a merge key has a value other
     *     than a mapping or a list of mappings, at that value
     */
    static Node compose(String yaml, LoaderOptions options) {
        Node root = new Yaml(options).compose(new StringReader(yaml));
        if (root != null) {
            new Flattener(options).visit(root);
        }
        return root;
    }

    /**
     * Walks the node tree once and merges each mapping after the mappings that it merges, so
     * that SnakeYAML never finds a merge key inside a merged mapping.
     */
    private static final class Flattener extends SafeConstructor {

        private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Node> visiting = Collections.newSetFromMap(new IdentityHashMap<>());

        Flattener(LoaderOptions options) {
            super(options);
        }

        void visit(Node node) {
            if (visited.contains(node) || visiting.contains(node)) {
                return;
            }
            visiting.add(node);
            if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(this::visit);
            } else if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
                        visitMerged(mapping, tuple.getValueNode());
                    } else {
                        visit(tuple.getValueNode());
                    }
                }
                if (mapping.isMerged()) {
                    merge(mapping);
                }
            }
            visiting.remove(node);
            visited.add(node);
        }

        /** Visits the value of a merge key, which must not contain the mapping it merges into. */
        private void visitMerged(MappingNode target, Node value) {
            List<Node> sources = value instanceof SequenceNode list ? list.getValue()
                    : List.of(value);
            for (Node source : sources) {
                if (visiting.contains(source)) {
                    throw new InvalidMergeException(target);
                }
                visit(source);
            }
        }

        private void merge(MappingNode mapping) {
            List<NodeTuple> firstOccurrences = new ArrayList<>();
            List<NodeTuple> repeated = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                boolean repeats = key instanceof ScalarNode scalar
                        && !Tag.MERGE.equals(key.getTag()) && !names.add(scalar.getValue());
                (repeats ? repeated : firstOccurrences).add(tuple);
            }
            mapping.setValue(firstOccurrences);
            flattenMapping(mapping);
            if (!repeated.isEmpty()) {
                List<NodeTuple> all = new ArrayList<>(mapping.getValue());
                all.addAll(repeated);
                mapping.setValue(all);
            }
        }
    }

    /** A merge key whose value contains the mapping that it merges into. */
    private static final class InvalidMergeException extends MarkedYAMLException {

        private static final long serialVersionUID = 1L;

        InvalidMergeException(MappingNode target) {
            super("while merging into a mapping", null,
                    "the merged mapping contains the mapping it merges into, which would never"
                    + " end", target.getStartMark());
        }
    }
}
