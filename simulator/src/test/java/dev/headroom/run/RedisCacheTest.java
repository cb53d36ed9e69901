package dev.headroom.run;

import static dev.headroom.run.RunScenarios.INTO_DYNAMODB;
import static dev.headroom.run.RunScenarios.MIGRATION;
import static dev.headroom.run.RunScenarios.THREE_USERS;
import static dev.headroom.run.RunScenarios.columnSum;
import static dev.headroom.run.RunScenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.LimitGauge;
import dev.headroom.projection.Projections;
import dev.headroom.report.RedisCacheNote;
import dev.headroom.report.ReportHeader;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.ScenarioText;
import dev.headroom.scenario.Scenarios;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Redis cache feature in front of Sheets: hits, misses and the cache note. */
class RedisCacheTest {

    /**
     * Returns THREE_USERS at 1,000 requests a user a day for two days, with enough credit that
     * every request is admitted and appends a row, and a Redis cache of the given write mode in
     * front of its Sheets phase, or none when {@code onWrite} is null.
     */
    private static String busyThreeUsers(String onWrite) {
        String yaml = THREE_USERS.replace("mean_per_day: 10", "mean_per_day: 1_000")
                .replace("horizon: 7d", "horizon: 2d")
                .replace("credits: {initial: 1.00}", "credits: {initial: 100.00}");
        if (onWrite == null) {
            return yaml;
        }
        return yaml.replace("backend: {kind: sheets}",
                        "backend: {kind: sheets, features: [redis-cache]}")
                .replace("balance_cache_ttl: 0s", "balance_cache_ttl: 0s\nredis:\n"
                        + "  node_price_per_hour: 0.017\n  nodes: 2\n  ttl: 5m\n"
                        + "  on_write: " + onWrite + "\n"
                        + "  latency: {distribution: lognormal, mean: 1ms, sigma: 0.5}");
    }

    /** Returns the header of a run of {@code yaml}, with its effective parameters. */
    private static ReportHeader header(String yaml) throws Exception {
        Scenario scenario = Scenarios.parse(yaml, "test.yaml");
        return new ReportHeader("test", scenario.name(), "hash", scenario.seed(), 2,
                ScenarioText.lines(scenario));
    }

    @Test
    void redisCache_updateWithShortTtl_noteBlamesTheTtl() throws Exception {
        // A user's requests come about 2.4 hours apart and an entry lives 1 s, so no read hits
        // under on_write: update either; the note once said invalidate's deletes were why.
        String yaml = busyThreeUsers("update").replace("  ttl: 5m\n", "  ttl: 1s\n")
                .replace("mean_per_day: 1_000", "mean_per_day: 10");
        Projections projections = Projections.of(run(yaml));

        assertEquals(0, columnSum(projections, "redis_hits"));
        List<String> note = RedisCacheNote.lines(header(yaml), projections);
        assertEquals(1, note.size(), note::toString);
        assertTrue(note.get(0).contains("under redis.on_write: update an entry lives redis.ttl,"
                + " 1s here,"), note.get(0));
        assertFalse(note.get(0).contains("invalidate"), note.get(0));
    }

    @Test
    void redisCache_countsHitsAndCutsSheetsReads() throws Exception {
        RunResult without = run(busyThreeUsers(null));
        RunResult with = run(busyThreeUsers("update"));

        for (int index = 0; index < 2; index++) {
            DayRecord day = with.days().get(index);
            // With the proxy's own cache off, every request reads the balance through Redis.
            assertEquals(day.requests(), day.redisHits() + day.redisMisses(), "day " + index);
            // No quota binds at this rate, so each miss is one Sheets read.
            assertEquals(day.redisMisses(), day.readRequests(), "day " + index);
            assertEquals(2 * 17_000 * 24, day.hostingCostMicros(), "two nodes for a day");
        }
        long readsWith = with.days().stream().mapToLong(DayRecord::readRequests).sum();
        long readsWithout = without.days().stream().mapToLong(DayRecord::readRequests).sum();
        long hits = with.days().stream().mapToLong(DayRecord::redisHits).sum();
        assertTrue(hits > 0, "hits");
        assertTrue(readsWith < readsWithout, readsWith + " Sheets reads with the cache, "
                + readsWithout + " without");
        assertEquals(0, without.days().get(0).redisHits() + without.days().get(0).redisMisses());

        Projections projections = Projections.of(with);
        assertEquals(hits, columnSum(projections, "redis_hits"));
        List<String> note = RedisCacheNote.lines(header(busyThreeUsers("update")), projections);
        assertEquals(1, note.size(), note::toString);
        assertTrue(note.get(0).startsWith("Redis cache, phase 'single-sheet': "), note.get(0));
        assertTrue(note.get(0).contains("a measured hit rate of"), note.get(0));
    }

    @Test
    void redisCache_invalidateLeavesFewerHitsThanUpdate() throws Exception {
        RunResult invalidate = run(busyThreeUsers("invalidate"));
        RunResult update = run(busyThreeUsers("update"));

        long invalidateHits = invalidate.days().stream().mapToLong(DayRecord::redisHits).sum();
        long invalidateMisses = invalidate.days().stream()
                .mapToLong(DayRecord::redisMisses).sum();
        long updateHits = update.days().stream().mapToLong(DayRecord::redisHits).sum();

        assertEquals(0, invalidate.days().get(1).rejectedForCredit(), "every request appends");
        // Every request appends a usage row, which deletes the entry the next read needs.
        assertTrue(invalidateHits < invalidateMisses,
                invalidateHits + " hits, " + invalidateMisses + " misses");
        assertTrue(invalidateHits < updateHits, invalidateHits + " < " + updateHits);
    }

    @Test
    void redisCache_sharedLog_countsHits() throws Exception {
        String yaml = busyThreeUsers("update").replace(
                "backend: {kind: sheets, features: [redis-cache]}",
                "backend: {kind: sheets-shared-log, features: [redis-cache]}");
        RunResult result = run(yaml);
        DayRecord day = result.days().get(1);

        assertEquals(day.requests(), day.redisHits() + day.redisMisses());
        assertTrue(day.redisHits() > 0, "hits on the shared log");
        assertEquals(day.redisMisses(), day.readRequests(), "each miss is one Sheets read");
    }

    @Test
    void redisCache_midDayGoLive_countsForCache() throws Exception {
        // The cached phase goes live at noon of day 2, which splits that day's rows at noon.
        String yaml = INTO_DYNAMODB.replace("{kind: dynamodb}",
                        "{kind: sheets, features: [redis-cache]}")
                .replace("lead_time: 2d", "lead_time: 36h")
                .replace("dynamodb:\n  item_bytes: 500B", "redis: {nodes: 1}");
        Projections projections = Projections.of(run(yaml));
        long reads = columnSum(projections, "redis_hits") + columnSum(projections, "redis_misses");

        assertEquals(List.of("single-sheet", "dynamodb"),
                projections.daily().stringColumn("phase").asList().subList(2, 4));
        assertEquals(0, projections.daily().longColumn("redis_misses").getLong(2));
        assertTrue(projections.daily().longColumn("redis_misses").getLong(3) > 0);
        List<String> lines = RedisCacheNote.lines(header(yaml), projections);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("Redis cache, phase 'dynamodb': "), lines.get(0));
        assertTrue(lines.get(0).contains(String.format(Locale.ROOT, "of %,d balance reads", reads)),
                lines.get(0));
    }

    @Test
    void redisCache_migrationKeepsSheetsUsers() throws Exception {
        String yaml = MIGRATION.replace("backend: {kind: sheets}",
                        "backend: {kind: sheets, features: [redis-cache]}")
                .replace("router: char-sum}", "router: char-sum, features: [redis-cache]}");
        RunResult result = run(yaml);
        DayRecord last = result.days().get(result.days().size() - 1);

        assertEquals("five-shards", last.phase());
        long tabs = last.gauges().stream().filter(gauge -> gauge.limit().equals("tabs"))
                .mapToLong(LimitGauge::used).sum();
        assertEquals(last.users(), tabs, "every placed user kept a tab");
        assertTrue(last.redisHits() + last.redisMisses() > 0, "the sharded phase's cache");
    }
}
