package dev.headroom.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds the settings sections of a valid scenario that no phase of its plan reads, such as a
 * {@code postgres} section in a plan without a PostgreSQL phase. Such a section is legal but has
 * no effect, which often means a typo in a phase's backend or a section left from another
 * scenario.
 */
public final class UnusedSections {

    private record SectionReader(String key, Predicate<Backend> reads, String missing) {
    }

    private static final List<SectionReader> READERS = List.of(
            new SectionReader("sheets", backend -> backend instanceof Backend.Sheets
                    || backend instanceof Backend.ShardedSheets
                    || backend instanceof Backend.SharedLogSheets,
                    "no phase has a Sheets backend"),
            new SectionReader("redis", Backend::usesRedisCache,
                    "no phase lists features: [redis-cache]"),
            new SectionReader("sheets_archive", Backend::usesArchive,
                    "no phase lists features: [archive]"),
            new SectionReader("dynamodb", backend -> backend instanceof Backend.DynamoDb,
                    "no phase has backend kind dynamodb"),
            new SectionReader("postgres", backend -> backend instanceof Backend.Postgres,
                    "no phase has backend kind postgres"),
            new SectionReader("sqlite_efs", backend -> backend instanceof Backend.SqliteEfs,
                    "no phase has backend kind sqlite-efs"),
            new SectionReader("dynamodb.dax", dynamoDbWith(Backend.DynamoDb.Feature.DAX),
                    "no phase lists features: [dax]"),
            new SectionReader("dynamodb.archive",
                    dynamoDbWith(Backend.DynamoDb.Feature.S3_ARCHIVE),
                    "no phase lists features: [s3-archive]"));

    private UnusedSections() {
    }

    /**
     * Returns one note per unused section of {@code scenario}, read from {@code yaml}, at the
     * section's position in {@code fileName}, in file order.
     */
    public static List<ScenarioProblem> find(String yaml, String fileName, Scenario scenario) {
        List<ScenarioProblem> notes = new ArrayList<>();
        if (!(compose(yaml) instanceof MappingNode root)) {
            return notes;
        }
        addNotes(root, "", scenario, fileName, notes);
        return notes;
    }

    /**
     * Adds the notes of the sections in {@code mapping}, whose path is {@code prefix}, and of
     * the subsections of each used one.
     */
    private static void addNotes(MappingNode mapping, String prefix, Scenario scenario,
            String fileName, List<ScenarioProblem> notes) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            String path = prefix + key.getValue();
            for (SectionReader reader : READERS) {
                if (!reader.key().equals(path)) {
                    continue;
                }
                if (scenario.plan().phases().stream().map(Phase::backend)
                        .noneMatch(reader.reads())) {
                    notes.add(note(fileName, key, reader));
                } else if (tuple.getValueNode() instanceof MappingNode section) {
                    addNotes(section, path + ".", scenario, fileName, notes);
                }
            }
        }
    }

    private static Predicate<Backend> dynamoDbWith(Backend.DynamoDb.Feature feature) {
        return backend -> backend instanceof Backend.DynamoDb dynamo && dynamo.uses(feature);
    }

    private static ScenarioProblem note(String fileName, ScalarNode key, SectionReader reader) {
        int line = key.getStartMark().getLine() + 1;
        int column = key.getStartMark().getColumn() + 1;
        return new ScenarioProblem(fileName, line, column, reader.key(), "used by no phase: "
                + reader.missing() + ", so these settings have no effect; check the phases'"
                + " backends if one should use them");
    }

    private static Node compose(String yaml) {
        return YamlNodes.compose(yaml);
    }
}
