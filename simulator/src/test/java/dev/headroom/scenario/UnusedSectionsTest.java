package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.testing.SmallPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnusedSectionsTest {

    private static List<String> unused(String sections, String backend) throws Exception {
        String yaml = SmallPlan.of(sections, """
                    - name: only
                      backend: %s
                """.formatted(backend));
        Scenario scenario = Scenarios.parse(yaml, "s.yaml");
        return UnusedSections.find(yaml, "s.yaml", scenario).stream()
                .map(ScenarioProblem::path).toList();
    }

    @Test
    void eachSection_usedOnlyByItsBackend() throws Exception {
        String all = "sheets: {}\nredis: {}\nsheets_archive: {}\ndynamodb: {}\npostgres: {}\n"
                + "sqlite_efs: {}";
        assertEquals(List.of("redis", "sheets_archive", "dynamodb", "postgres", "sqlite_efs"),
                unused(all, "{kind: sheets}"));
        assertEquals(List.of("sheets_archive", "dynamodb", "postgres", "sqlite_efs"),
                unused(all, "{kind: sheets-sharded, workbooks: 2, features: [redis-cache]}"));
        assertEquals(List.of("redis", "dynamodb", "postgres", "sqlite_efs"),
                unused(all, "{kind: sheets, features: [archive]}"));
        assertEquals(List.of("sheets", "redis", "sheets_archive", "postgres", "sqlite_efs"),
                unused(all, "{kind: dynamodb}"));
        assertEquals(List.of("sheets", "redis", "sheets_archive", "dynamodb", "sqlite_efs"),
                unused(all, "{kind: postgres}"));
        assertEquals(List.of("sheets", "redis", "sheets_archive", "dynamodb", "postgres"),
                unused(all, "{kind: sqlite-efs}"));
    }

    @Test
    void dynamoDbSubsections_needTheirFeature() throws Exception {
        String sections = "dynamodb: {dax: {nodes: 2}, archive: {age: 30d}}";
        assertEquals(List.of("dynamodb.dax", "dynamodb.archive"),
                unused(sections, "{kind: dynamodb}"));
        assertEquals(List.of("dynamodb.archive"),
                unused(sections, "{kind: dynamodb, features: [dax]}"));
        assertEquals(List.of("dynamodb"), unused(sections, "{kind: postgres}"));
    }

    @Test
    void absentSections_giveNoNote() throws Exception {
        assertEquals(List.of(), unused("churn: {monthly_rate: 0.01}", "{kind: postgres}"));
    }
}
