package dev.headroom.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Finds a DAX cluster that can serve no balance read. DAX passes a strongly consistent read
 * through to the table without caching it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html, read
 * 2026-12-06), so under {@code dynamodb.consistency: strong} the phases with the {@code dax}
 * feature pay for nodes whatever the value of {@code dynamodb.dax.hit_rate}. Under
 * {@code eventual} a hit rate of 0, the default, serves no read either. The scenario is valid,
 * since a team may price such a cluster on purpose, but its nodes then serve nothing.
 */
public final class IdleDax {

    private IdleDax() {
    }

    /**
     * Returns a note when a phase of {@code scenario} lists the {@code dax} feature and balance
     * reads are strongly consistent or the hit rate is 0. It points at
     * {@code dynamodb.dax.hit_rate} when the file writes it, else at
     * {@code dynamodb.consistency} for strong reads, else at the first such phase's feature.
     */
    public static Optional<ScenarioProblem> find(String yaml, String fileName,
            Scenario scenario) {
        List<Phase> phases = scenario.plan().phases();
        int first = 0;
        while (first < phases.size() && !usesDax(phases.get(first).backend())) {
            first++;
        }
        if (first == phases.size()) {
            return Optional.empty();
        }
        boolean strong =
                scenario.dynamoDb().consistency() == DynamoDbSettings.Consistency.STRONG;
        DynamoDbSettings.Dax dax = scenario.dynamoDb().dax();
        if (!strong && dax.hitRate() > 0) {
            return Optional.empty();
        }
        String cause = strong ? String.format(Locale.ROOT, "balance reads are strongly"
                + " consistent (dynamodb.consistency: strong), which DAX passes through to the"
                + " table, so hit_rate %s has no effect", Formats.number(dax.hitRate()))
                : "dynamodb.dax.hit_rate is 0, so DAX serves none of the eventually consistent"
                        + " balance reads";
        String fix;
        if (!strong) {
            fix = "set dynamodb.dax.hit_rate to the fraction of reads DAX serves";
        } else if (dax.hitRate() > 0) {
            fix = "set dynamodb.consistency: eventual";
        } else {
            // Eventual reads alone leave a hit rate of 0 serving nothing, so the fix names both.
            fix = "set dynamodb.consistency: eventual and a dynamodb.dax.hit_rate above 0";
        }
        String message = String.format(Locale.ROOT, "serves no read: %s and phase '%s' pays for"
                + " %d DAX %s no balance read; %s, or remove the dax feature", cause,
                phases.get(first).name(), dax.nodes(),
                dax.nodes() == 1 ? "node that serves" : "nodes that serve", fix);
        Node root = YamlNodes.compose(yaml);
        Node dynamoDb = YamlNodes.value(root, "dynamodb");
        Node node = YamlNodes.key(YamlNodes.value(dynamoDb, "dax"), "hit_rate");
        if (node == null && strong) {
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
