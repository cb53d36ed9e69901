package dev.headroom.scenario;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Locates a breach of either limit that SnakeYAML's composer enforces, on aliases of mappings or
 * lists (against alias bombs) and on nesting depth, because SnakeYAML reports it without a line
 * and column. It parses the events again and counts as the composer does.
 */
final class YamlLimits {

    private YamlLimits() {
    }

    /**
     * Records the alias or the node that broke a limit, and returns whether one did. Call it
     * only after composing {@code yaml} failed, since it parses the text again.
     */
    static boolean locate(String yaml, LoaderOptions options, Problems problems) {
        try {
            return locateInEvents(yaml, options, problems);
        } catch (YAMLException e) {
            return false;
        }
    }

    private static boolean locateInEvents(String yaml, LoaderOptions options,
            Problems problems) {
        Map<String, Boolean> anchorIsCollection = new HashMap<>();
        int collectionAliases = 0;
        int depth = 0;
        for (Event event : new Yaml(options).parse(new StringReader(yaml))) {
            if (event instanceof AliasEvent alias) {
                if (anchorIsCollection.getOrDefault(alias.getAnchor(), false)
                        && ++collectionAliases > options.getMaxAliasesForCollections()) {
                    problems.add(event.getStartMark(), "", aliasMessage(options));
                    return true;
                }
                continue;
            }
            if (event instanceof ScalarEvent || event instanceof CollectionStartEvent) {
                if (depth > options.getNestingDepthLimit()) {
                    problems.add(event.getStartMark(), "", nestingMessage(options));
                    return true;
                }
                String anchor = ((NodeEvent) event).getAnchor();
                if (anchor != null) {
                    anchorIsCollection.put(anchor, event instanceof CollectionStartEvent);
                }
            }
            if (event instanceof CollectionStartEvent) {
                depth++;
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
        return false;
    }

    private static String aliasMessage(LoaderOptions options) {
        return "invalid YAML: more than " + options.getMaxAliasesForCollections()
                + " aliases of mappings or lists, which can expand exponentially; write the"
                + " values out in place of the aliases";
    }

    private static String nestingMessage(LoaderOptions options) {
        return "invalid YAML: mappings and lists nested more than "
                + options.getNestingDepthLimit() + " deep; a scenario needs far fewer levels,"
                + " so check the brackets and the indentation";
    }
}
