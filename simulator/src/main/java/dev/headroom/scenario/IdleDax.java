package dev.headroom.scenario;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Finds a DAX cluster that can serve no balance read. DAX passes a strongly consistent read
 * through to the table without caching it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html, read
 * 2026-12-06), so under {@code dynamodb.consistency: strong} the phases with the {@code dax}
 * feature pay for nodes whatever {@code dynamodb.dax.hit_rate} says. The scenario is valid,
 * since a team may price such a cluster on purpose, but the hit rate then has no effect.
 */
public final class IdleDax {

    private IdleDax() {
    }

    /**
     * Returns a note when a phase of {@code scenario} lists the {@code dax} feature and balance
     * reads are strongly consistent. It points at {@code dynamodb.dax.hit_rate} when the file
     * writes it, else at {@code dynamodb.consistency}, else at the first such phase's feature.
     */
    public static Optional<ScenarioProblem> find(String yaml, String fileName,
            Scenario scenario) {
        List<Phase> phases = scenario.plan().phases();
        int first = 0;
        while (first < phases.size() && !usesDax(phases.get(first).backend())) {
            first++;
        }
        if (first == phases.size()
                || scenario.dynamoDb().consistency() != DynamoDbSettings.Consistency.STRONG) {
            return Optional.empty();
        }
        DynamoDbSettings.Dax dax = scenario.dynamoDb().dax();
        String message = String.format(Locale.ROOT, "serves no read: balance reads are strongly"
                + " consistent (dynamodb.consistency: strong), which DAX passes through to the"
                + " table, so hit_rate %s has no effect and phase '%s' pays for %d DAX %s no"
                + " balance read; set dynamodb.consistency: eventual, or remove the dax feature",
                Formats.number(dax.hitRate()), phases.get(first).name(), dax.nodes(),
                dax.nodes() == 1 ? "node that serves" : "nodes that serve");
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        Node dynamoDb = YamlNodes.value(root, "dynamodb");
        Node node = YamlNodes.key(YamlNodes.value(dynamoDb, "dax"), "hit_rate");
        if (node == null) {
            node = YamlNodes.key(dynamoDb, "consistency");
        }
        if (node == null) {
            Node phase = YamlNodes.item(YamlNodes.value(YamlNodes.value(root, "plan"), "phases"),
                    first);
            node = YamlNodes.scalarItem(
                    YamlNodes.value(YamlNodes.value(phase, "backend"), "features"), "dax");
        }
        return Optional.of(YamlNodes.problem(fileName, node, "dynamodb.dax.hit_rate", message));
    }

    private static boolean usesDax(Backend backend) {
        return backend instanceof Backend.DynamoDb dynamo
                && dynamo.uses(Backend.DynamoDb.Feature.DAX);
    }
}
