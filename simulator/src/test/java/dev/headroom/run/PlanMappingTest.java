package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.scenario.Backend;
import dev.headroom.scenario.Phase;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanMappingTest {

    /** DynamoDB, then DynamoDB with the S3 archive, then DynamoDB with DAX alone. */
    private static final String THREE_TABLES = """
            name: three-tables
            start_date: 2025-01-01
            horizon: 1y
            growth: {kind: linear, users_per_year: 365}
            plan:
              hourly_rate: 100
              phases:
                - name: plain
                  backend: {kind: dynamodb}
                  next_when: {users: 10}
                - name: archived
                  backend: {kind: dynamodb, features: [s3-archive]}
                  next_when: {users: 20}
                - name: cached
                  backend: {kind: dynamodb, features: [dax]}
            """;

    private static boolean countsAges(Scenario scenario, Phase phase) {
        Backend.DynamoDb backend = (Backend.DynamoDb) phase.backend();
        return DynamoDbMapping.params(scenario.dynamoDb(), backend,
                PlanMapping.archivesFrom(scenario, phase)).archive().tracksAges();
    }

    @Test
    void ages_beforeArchivingPhase_counted() throws Exception {
        Scenario scenario = Scenarios.parse(THREE_TABLES, "test.yaml");
        List<Phase> phases = scenario.plan().phases();

        assertTrue(countsAges(scenario, phases.get(0)));
        assertTrue(countsAges(scenario, phases.get(1)));
    }

    @Test
    void ages_archiveAgeBeyondRun_notCounted() throws Exception {
        // No item written in one year reaches an age of 10 years, and counting would take an int
        // per user and day of that age: 3,651 of them per user.
        Scenario scenario = Scenarios.parse(THREE_TABLES.replace("plan:",
                "dynamodb: {archive: {age: 10y}}\nplan:"), "test.yaml");

        assertFalse(countsAges(scenario, scenario.plan().phases().get(1)));
    }

    @Test
    void ages_noArchivingPhaseLater_notCounted() throws Exception {
        // Counting takes an int per user and day of archive.age, 364 MB for a million users.
        Scenario scenario = Scenarios.parse(THREE_TABLES, "test.yaml");

        assertFalse(countsAges(scenario, scenario.plan().phases().get(2)));
    }
}
