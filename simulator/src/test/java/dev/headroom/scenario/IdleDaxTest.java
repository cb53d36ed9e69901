package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.testing.SmallPlan;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleDaxTest {

    private static Optional<ScenarioProblem> note(String dynamoDb, String backend)
            throws Exception {
        String yaml = SmallPlan.of(dynamoDb, """
                    - name: sheet
                      backend: {kind: sheets}
                      next_when: {users: 5}
                    - name: cached
                      backend: %s
                """.formatted(backend));
        return IdleDax.find(yaml, "s.yaml", Scenarios.parse(yaml, "s.yaml"));
    }

    @Test
    void strongReads_pointAtHitRate() throws Exception {
        ScenarioProblem note = note("""
                dynamodb:
                  consistency: strong
                  dax: {nodes: 3, hit_rate: 0.9}""", "{kind: dynamodb, features: [dax]}")
                .orElseThrow();
        assertEquals("s.yaml:7:19: dynamodb.dax.hit_rate: serves no read: balance reads are"
                + " strongly consistent (dynamodb.consistency: strong), which DAX passes through"
                + " to the table, so hit_rate 0.9 has no effect and phase 'cached' pays for 3 DAX"
                + " nodes that serve no balance read; set dynamodb.consistency: eventual, or"
                + " remove the dax feature", note.toString());
    }

    @Test
    void defaultConsistency_pointsAtFeature() throws Exception {
        ScenarioProblem note = note("", "{kind: dynamodb, features: [s3-archive, dax]}")
                .orElseThrow();
        assertEquals(13, note.line());
        assertEquals(56, note.column());
        assertTrue(note.message().contains("pays for 1 DAX node that serves no balance read;"),
                note.message());
    }

    @Test
    void writtenConsistency_withoutHitRate() throws Exception {
        ScenarioProblem note = note("dynamodb: {consistency: strong}",
                "{kind: dynamodb, features: [dax]}").orElseThrow();
        assertEquals(5, note.line());
        assertEquals(12, note.column());
    }

    @Test
    void strongReadsNoHitRate_adviceSetsBoth() throws Exception {
        ScenarioProblem note = note("dynamodb: {consistency: strong}",
                "{kind: dynamodb, features: [dax]}").orElseThrow();
        assertTrue(note.message().endsWith("; set dynamodb.consistency: eventual and a"
                + " dynamodb.dax.hit_rate above 0, or remove the dax feature"), note.message());
    }

    @Test
    void eventualZeroHitRate_givesNote() throws Exception {
        ScenarioProblem written = note("dynamodb: {consistency: eventual, dax: {hit_rate: 0}}",
                "{kind: dynamodb, features: [dax]}").orElseThrow();
        assertEquals("s.yaml:5:41: dynamodb.dax.hit_rate: serves no read: dynamodb.dax.hit_rate"
                + " is 0, so DAX serves none of the eventually consistent balance reads and phase"
                + " 'cached' pays for 1 DAX node that serves no balance read; set"
                + " dynamodb.dax.hit_rate to the fraction of reads DAX serves, or remove the dax"
                + " feature", written.toString());
        ScenarioProblem byDefault = note("dynamodb: {consistency: eventual}",
                "{kind: dynamodb, features: [dax]}").orElseThrow();
        assertEquals(13, byDefault.line());
        assertEquals(44, byDefault.column());
    }

    @Test
    void eventualReadsOrNoDax_giveNoNote() throws Exception {
        assertEquals(Optional.empty(), note(
                "dynamodb: {consistency: eventual, dax: {hit_rate: 0.5}}",
                "{kind: dynamodb, features: [dax]}"));
        assertEquals(Optional.empty(), note("dynamodb: {consistency: strong}",
                "{kind: dynamodb}"));
        assertEquals(Optional.empty(), note("dynamodb: {consistency: eventual}",
                "{kind: dynamodb}"));
    }
}
