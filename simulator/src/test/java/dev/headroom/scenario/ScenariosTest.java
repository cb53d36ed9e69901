package dev.headroom.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.routing.RouterKind;
import dev.headroom.testing.Warnings;
import dev.headroom.workload.TokenSizeTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

    private static final Path SCENARIOS = Path.of("../scenarios");
    private static final Path MINIMAL = Path.of("src/test/resources/valid-minimal.yaml");

    @Test
    void sharedLog_smallCellLimit_valid() throws Exception {
        Scenario scenario = Scenarios.parse("""
                name: small-log
                start_date: 2025-01-01
                horizon: 30d
                growth:
                  kind: piecewise
                  points:
                    - {at: 0d, users: 3}
                sheets: {grid_mode: sized-to-row, cells_per_workbook: 1_000}
                plan:
                  hourly_rate: 100
                  phases:
                    - name: shared
                      backend: {kind: sheets-shared-log}
                """, "small-log.yaml");

        assertEquals(1_000, scenario.sheets().cellsPerWorkbook());
    }

    @Test
    void bundledSeedPlan_isIdenticalToFile() throws IOException {
        String file = Files.readString(SCENARIOS.resolve("seed-plan.yaml"), StandardCharsets.UTF_8);

        assertEquals(file, Scenarios.defaultText(),
                "copy scenarios/seed-plan.yaml to simulator/src/main/resources/scenarios/");
    }

    @Test
    void seedPlan_encodesThePlansGrowthAndWorkload() {
        Scenario plan = Scenarios.loadDefault();

        assertEquals("seed-plan", plan.name());
        assertEquals(LocalDate.of(2024, 10, 25), plan.startDate());
        assertEquals(5 * 365, plan.horizonDays());
        Growth.Piecewise growth = assertInstanceOf(Growth.Piecewise.class, plan.growth());
        assertEquals(List.of(0L, 100L, 500L, 2_000L, 5_000L, 10_000L),
                growth.points().stream().map(Growth.Point::users).toList());
        assertEquals(Duration.ofDays(3 * 365), growth.points().get(3).at());
        assertEquals(10.0, plan.workload().requestRate().meanPerDay());
        assertEquals(new RowShape(10, 500), plan.workload().row());
        assertEquals(Duration.ofSeconds(30), plan.balanceCacheTtl());
        assertEquals(AdmissionDesign.CACHED_CHECK, plan.admission());
    }

    @Test
    void seedPlan_encodesSheetsLimitsAndQuotas() {
        SheetsSettings sheets = Scenarios.loadDefault().sheets();

        assertEquals(200, sheets.tabsPerWorkbook());
        assertEquals(10_000_000L, sheets.cellsPerWorkbook());
        assertEquals(1_000, sheets.defaultGridRows());
        assertEquals(26, sheets.defaultGridColumns());
        assertEquals(new SheetsQuotas(300, 60, 300, 60), sheets.quotas());
        assertEquals(SheetsSettings.QuotaIdentity.SERVICE_ACCOUNT, sheets.quotaIdentity());
    }

    @Test
    void seedPlan_encodesPhasesTriggersAndPrices() {
        Scenario scenario = Scenarios.loadDefault();
        List<Phase> phases = scenario.plan().phases();

        assertEquals(100_000_000L, scenario.plan().hourlyRateMicros());
        assertEquals(4, phases.size());
        assertEquals(List.of(new Trigger.Users(150)), phases.get(0).nextWhen());
        assertEquals(new Backend.ShardedSheets(5, RouterKind.CHAR_SUM), phases.get(1).backend());
        assertEquals(List.of(new Trigger.Users(800), new Trigger.ThrottledCallsPerDay(10),
                new Trigger.LatencyP95(Duration.ofSeconds(2))), phases.get(1).nextWhen());
        assertEquals(List.of(new Trigger.Users(8_000), new Trigger.MonthlyCost(20_000_000L)),
                phases.get(2).nextWhen());
        assertEquals(new Backend.DynamoDb(Set.of(Backend.DynamoDb.Feature.DAX,
                Backend.DynamoDb.Feature.S3_ARCHIVE)), phases.get(3).backend());
        assertEquals(List.of(0L, 8L, 40L, 80L),
                phases.stream().map(phase -> phase.migration().effortHours()).toList());
        assertEquals(12_800_000_000L, scenario.plan().totalEffortMicros());
        assertEquals(1_250_000L, scenario.dynamoDb().writeMicrosPerMillionUnits());
        assertEquals(250_000L, scenario.dynamoDb().readMicrosPerMillionUnits());
        assertEquals(250_000L, scenario.dynamoDb().storageMicrosPerGbMonth());
    }

    @Test
    void seedPlan_tokenDatasetIsBundled() {
        TokenSizes sizes = Scenarios.loadDefault().workload().tokenSizes();
        TokenSizes.Bundled bundled = assertInstanceOf(TokenSizes.Bundled.class, sizes);

        assertEquals(TokenSizeTable.AZURE_CONVERSATION_2023, bundled.dataset());
        assertTrue(TokenSizeTable.bundled(bundled.dataset()).tokensIn().size() > 1);
    }

    @Test
    void bundledDatasetNames_loadAsTables() {
        for (String dataset : WorkloadReader.BUNDLED_DATASETS) {
            TokenSizeTable table = TokenSizeTable.bundled(dataset);

            assertTrue(table.tokensIn().size() > 1, dataset);
            assertTrue(table.tokensOut().size() > 1, dataset);
        }
    }

    @Test
    void currentPrices_differOnlyInDynamoDbPrices() throws InvalidScenarioException {
        Scenario plan = Scenarios.loadDefault();
        Scenario current = Scenarios.load(SCENARIOS.resolve("seed-plan-current-prices.yaml"));

        assertEquals(625_000L, current.dynamoDb().writeMicrosPerMillionUnits());
        assertEquals(125_000L, current.dynamoDb().readMicrosPerMillionUnits());
        assertEquals(25L, current.dynamoDb().freeStorageGb());
        assertEquals(plan.plan(), current.plan());
        assertEquals(plan.workload(), current.workload());
        assertEquals(plan.sheets(), current.sheets());
        assertNotEquals(Scenarios.canonicalHash(plan), Scenarios.canonicalHash(current));
    }

    @Test
    void examples_allLoad() throws IOException, InvalidScenarioException {
        try (Stream<Path> files = Files.list(SCENARIOS.resolve("examples"))) {
            List<Path> examples = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertTrue(examples.size() >= 4, "examples found: " + examples);
            for (Path example : examples) {
                Scenario scenario = Scenarios.load(example);
                assertTrue(example.toString().endsWith(scenario.name() + ".yaml"),
                        "the name of " + example + " is " + scenario.name());
            }
        }
    }

    @Test
    void minimalFile_fillsDocumentedDefaults() throws InvalidScenarioException {
        Scenario scenario = Scenarios.load(MINIMAL);

        assertEquals(Defaults.SEED, scenario.seed());
        assertEquals(new SheetsQuotas(300, 60, 300, 60), scenario.sheets().quotas());
        assertEquals(Duration.ofSeconds(64), scenario.sheets().backoff().maximumBackoff());
        assertEquals(Churn.NONE, scenario.churn());
        assertEquals(ArrivalProfile.FLAT, scenario.workload().profile());
        assertEquals(new TokenSizes.Bundled(WorkloadReader.DEFAULT_TOKEN_DATASET),
                scenario.workload().tokenSizes());
        assertEquals(Migration.NONE, scenario.plan().phases().get(0).migration());
    }

    @Test
    void canonicalHash_ignoresLayoutCommentsAndStatedDefaults() throws Exception {
        String minimal = Files.readString(MINIMAL, StandardCharsets.UTF_8);
        String restated = "# the same scenario, written differently\n"
                + minimal.replace("horizon: 30d", "horizon: 720h")
                + "balance_cache_ttl: 30s\nsheets:\n  tabs_per_workbook: 200\n";

        assertEquals(Scenarios.canonicalHash(Scenarios.parse(minimal, "a.yaml")),
                Scenarios.canonicalHash(Scenarios.parse(restated, "b.yaml")));
    }

    @Test
    void canonicalHash_changesWithAnyValue() throws Exception {
        Scenario scenario = Scenarios.load(MINIMAL);
        String hash = Scenarios.canonicalHash(scenario);

        assertEquals(64, hash.length());
        assertNotEquals(hash, Scenarios.canonicalHash(scenario.withSeed(2)));
        assertNotEquals(hash, Scenarios.canonicalHash(scenario.withHorizon(Duration.ofDays(31))));
    }

    @Test
    void canonicalText_namesSealedVariants() {
        String text = CanonicalForm.text(Scenarios.loadDefault());

        assertTrue(text.contains("scenario.growth.@kind=Piecewise\n"), text);
        assertTrue(text.contains("scenario.plan.phases[3].backend.features=DAX,S3_ARCHIVE\n"),
                text);
        assertTrue(text.contains("scenario.horizon=157680000000ms\n"), text);
    }

    @Test
    void tokenSizeFile_resolvesAgainstScenarioFolder(@TempDir Path folder) throws Exception {
        String minimal = Files.readString(MINIMAL, StandardCharsets.UTF_8);
        Path file = folder.resolve("with-tokens.yaml");
        Files.writeString(file, minimal
                + "workload:\n  token_sizes: {source: file, file: fits/tokens.csv}\n");
        Files.createDirectory(folder.resolve("fits"));
        Files.writeString(folder.resolve("fits/tokens.csv"),
                "probability,tokens_in,tokens_out\n0,1,1\n1,9,9\n", StandardCharsets.UTF_8);

        Scenario scenario = Scenarios.load(file);

        assertEquals(new TokenSizes.FromFile(folder.toAbsolutePath().resolve("fits/tokens.csv")),
                scenario.workload().tokenSizes());
    }

    @Test
    void dynamoDb_missingRequestPrices_defaultToCurrent() throws Exception {
        String yaml = Files.readString(MINIMAL, StandardCharsets.UTF_8)
                + "dynamodb: {storage_price_per_gb_month: 0.25}\n";
        DynamoDbSettings dynamo = Scenarios.parse(yaml, "prices.yaml").dynamoDb();

        // On-demand prices since 2024-11-01: $0.625 and $0.125 per million request units.
        assertEquals(625_000L, dynamo.writeMicrosPerMillionUnits());
        assertEquals(125_000L, dynamo.readMicrosPerMillionUnits());
        // The current price list also gives the first 25 GB stored each month for free.
        assertEquals(25L, dynamo.freeStorageGb());
    }

    @Test
    void dynamoDb_daxWithoutPrice_isNotFree() throws Exception {
        String yaml = Files.readString(MINIMAL, StandardCharsets.UTF_8)
                + "dynamodb: {dax: {nodes: 3, hit_rate: 0.9}}\n";
        DynamoDbSettings dynamo = Scenarios.parse(yaml, "dax.yaml").dynamoDb();

        // The smallest node, dax.t3.small, about $0.04 an hour on demand; DAX has no free tier.
        assertEquals(40_000L, dynamo.dax().nodeMicrosPerHour());
    }

    @Test
    void canonicalHash_changesWithTokenTable(@TempDir Path folder) throws Exception {
        Path file = scenarioWithTokenTable(folder);
        Path table = folder.resolve("tokens.csv");
        String before = Scenarios.canonicalHash(Scenarios.load(file));

        Files.writeString(table, "probability,tokens_in,tokens_out\n0,1,1\n1,9000,9\n",
                StandardCharsets.UTF_8);

        assertNotEquals(before, Scenarios.canonicalHash(Scenarios.load(file)));
    }

    @Test
    void canonicalHash_logsUnreadableTokenTable(@TempDir Path folder) throws Exception {
        Path file = scenarioWithTokenTable(folder);
        Path table = folder.resolve("tokens.csv");
        Scenario scenario = Scenarios.load(file);
        Files.delete(table);
        List<String> warnings = Warnings.loggedBy(CanonicalForm.class,
                () -> Scenarios.canonicalHash(scenario));

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(table.toString()), warnings.get(0));
    }

    /** Writes the minimal scenario with a token-size table beside it, tokens.csv. */
    private static Path scenarioWithTokenTable(Path folder) throws IOException {
        String minimal = Files.readString(MINIMAL, StandardCharsets.UTF_8);
        Path file = folder.resolve("with-tokens.yaml");
        Files.writeString(file, minimal
                + "workload:\n  token_sizes: {source: file, file: tokens.csv}\n");
        Files.writeString(folder.resolve("tokens.csv"),
                "probability,tokens_in,tokens_out\n0,1,1\n1,9,9\n", StandardCharsets.UTF_8);
        return file;
    }
}
