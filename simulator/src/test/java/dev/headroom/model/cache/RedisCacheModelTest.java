package dev.headroom.model.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.SimTime;
import dev.headroom.model.BackendModel;
import dev.headroom.model.CacheCount;
import dev.headroom.model.CallOutcome;
import dev.headroom.model.HostingCost;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyParams;
import dev.headroom.model.sheets.CallerIdentity;
import dev.headroom.model.sheets.GridPolicy;
import dev.headroom.model.sheets.ShardParams;
import dev.headroom.model.sheets.SheetsModel;
import dev.headroom.model.sheets.SheetsParams;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.Grid;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.TabGuard;
import dev.headroom.sheets.limits.WindowKind;
import org.junit.jupiter.api.Test;

class RedisCacheModelTest {

    private static final long TTL = 5 * SimTime.MINUTE;
    private static final LatencyParams SHEETS_LATENCY = LatencyParams.fixed(100.0);
    private static final LatencyParams REDIS_LATENCY = LatencyParams.fixed(1.0);
    /** One read and one write per minute per user, so a second Sheets read in a minute waits. */
    private static final QuotaLimits ONE_PER_MINUTE = new QuotaLimits(300, 1, 300, 1);

    private static SheetsModel sheets() {
        return sheets(GoogleBackoff.DEFAULT);
    }

    private static SheetsModel sheets(GoogleBackoff backoff) {
        SheetsParams params = new SheetsParams(TabGuard.DEFAULT, 10_000_000L,
                GridPolicy.DEFAULT_GRID, Grid.DEFAULT, 10, 0, CallerIdentity.END_USER,
                ONE_PER_MINUTE, WindowKind.FIXED, backoff, SHEETS_LATENCY, SHEETS_LATENCY);
        return new SheetsModel(params, ShardParams.SINGLE, new RandomStream(1),
                new RandomStream(2));
    }

    private static RedisCacheModel cache(BackendModel store, WriteMode onWrite, int nodes,
            long nodeMicrosPerHour, long startMillis) {
        RedisCacheParams params = new RedisCacheParams(nodes, nodeMicrosPerHour, TTL, onWrite,
                REDIS_LATENCY);
        return new RedisCacheModel(store, params, new RandomStream(3), startMillis);
    }

    /** Returns a cache over a Sheets model with user 0 signed up at time zero. */
    private static RedisCacheModel signedUp(WriteMode onWrite) {
        RedisCacheModel cache = cache(sheets(), onWrite, 1, 17_000, 0);
        assertTrue(cache.signUp(0, "a@example.com", 0).succeeded());
        return cache;
    }

    private static long throttles(BackendModel model) {
        return model.throttlesByQuota().stream().mapToLong(QuotaCount::throttles).sum();
    }

    @Test
    void readWithinTtlHitsWithoutSheetsCall() {
        RedisCacheModel cache = signedUp(WriteMode.INVALIDATE);

        CallOutcome miss = cache.readBalance(0, SimTime.MINUTE);
        CallOutcome hit = cache.readBalance(0, SimTime.MINUTE + TTL - 200);

        assertEquals(1, miss.requests(), "a miss reads Sheets once");
        assertEquals(1 + 100 + 1, miss.latencyMillis(), "lookup, Sheets read, store");
        assertEquals(CallOutcome.Status.OK, hit.status());
        assertEquals(0, hit.requests(), "a hit makes no Sheets request");
        assertEquals(1, hit.latencyMillis(), "a hit takes one Redis round trip");
        assertEquals(new CacheCount(1, 1), cache.cacheCount());
    }

    @Test
    void hitsUseNoSheetsReadQuota() {
        RedisCacheModel cache = signedUp(WriteMode.INVALIDATE);
        SheetsModel bare = sheets();
        assertTrue(bare.signUp(0, "a@example.com", 0).succeeded());
        long time = 2 * SimTime.MINUTE;

        for (int read = 0; read < 5; read++) {
            assertTrue(cache.readBalance(0, time + read * 1_000).succeeded());
            bare.readBalance(0, time + read * 1_000);
        }

        assertEquals(0, throttles(cache), "four hits left the one-a-minute quota untouched");
        assertTrue(throttles(bare) > 0, "without the cache the same reads are throttled");
        assertEquals(new CacheCount(4, 1), cache.cacheCount());
    }

    @Test
    void readAfterTtlMisses() {
        RedisCacheModel cache = signedUp(WriteMode.INVALIDATE);
        assertTrue(cache.readBalance(0, SimTime.MINUTE).succeeded());
        // The entry was stored when Sheets returned, after the 1 ms lookup and the 100 ms read.
        long storedAt = SimTime.MINUTE + 1 + 100;

        CallOutcome lastHit = cache.readBalance(0, storedAt + TTL - 1);
        CallOutcome expired = cache.readBalance(0, storedAt + TTL);

        assertEquals(0, lastHit.requests());
        assertEquals(1, expired.requests(), "an expired entry sends the read to Sheets");
        assertEquals(new CacheCount(1, 2), cache.cacheCount());
    }

    @Test
    void appendInvalidatesEntry() {
        RedisCacheModel cache = signedUp(WriteMode.INVALIDATE);
        assertTrue(cache.readBalance(0, SimTime.MINUTE).succeeded());

        CallOutcome append = cache.appendRow(0, 2 * SimTime.MINUTE);
        CallOutcome next = cache.readBalance(0, 2 * SimTime.MINUTE + 1_000);

        assertEquals(1, append.requests(), "the row goes to Sheets");
        assertEquals(100 + 1, append.latencyMillis(), "Sheets write, then the invalidation");
        assertEquals(1, next.requests(), "the read after the append misses");
        assertEquals(new CacheCount(0, 2), cache.cacheCount());
    }

    @Test
    void updateModeKeepsEntryFresh() {
        RedisCacheModel cache = signedUp(WriteMode.UPDATE);
        assertTrue(cache.readBalance(0, SimTime.MINUTE).succeeded());

        assertTrue(cache.appendRow(0, 2 * SimTime.MINUTE).succeeded());
        CallOutcome afterAppend = cache.readBalance(0, 2 * SimTime.MINUTE + 1_000);
        // The update restarted the TTL, so a read past the first entry's TTL still hits.
        CallOutcome pastFirstTtl = cache.readBalance(0, SimTime.MINUTE + TTL + 1_000);

        assertEquals(0, afterAppend.requests());
        assertEquals(0, pastFirstTtl.requests());
        assertEquals(new CacheCount(2, 1), cache.cacheCount());
    }

    @Test
    void updateModeCreatesNoEntry() {
        RedisCacheModel cache = signedUp(WriteMode.UPDATE);

        assertTrue(cache.appendRow(0, SimTime.MINUTE).succeeded());
        CallOutcome read = cache.readBalance(0, SimTime.MINUTE + 1_000);

        assertEquals(1, read.requests(), "an append cannot cache a balance it never read");
        assertEquals(new CacheCount(0, 1), cache.cacheCount());
    }

    @Test
    void failedSheetsReadCachesNothing() {
        SheetsModel store = sheets(new GoogleBackoff(GoogleBackoff.DEFAULT.maximumBackoffMillis(),
                0));
        RedisCacheModel cache = cache(store, WriteMode.INVALIDATE, 1, 0, 0);
        assertTrue(cache.signUp(0, "a@example.com", 0).succeeded());
        // A read straight to Sheets uses the user's one read of this minute.
        assertTrue(store.readBalance(0, SimTime.MINUTE).succeeded());

        CallOutcome throttled = cache.readBalance(0, SimTime.MINUTE + 1_000);
        CallOutcome again = cache.readBalance(0, SimTime.MINUTE + 2_000);

        assertEquals(CallOutcome.Status.THROTTLED, throttled.status());
        assertEquals(CallOutcome.Status.THROTTLED, again.status(), "no entry was stored");
        assertEquals(new CacheCount(0, 2), cache.cacheCount());
    }

    @Test
    void nodeHoursCostExactMicros() {
        RedisCacheModel cache = cache(sheets(), WriteMode.INVALIDATE, 2, 17_000, SimTime.DAY);

        assertEquals(0, cache.hostingCostMicros(0, SimTime.DAY), "nothing before it goes live");
        assertEquals(2 * 17_000 * 3 / 2,
                cache.hostingCostMicros(SimTime.DAY, SimTime.DAY + 90 * SimTime.MINUTE));
        assertEquals(2L * 17_000 * 24 * 365,
                cache.hostingCostMicros(SimTime.DAY, SimTime.DAY + SimTime.YEAR));
    }

    @Test
    void hostingCost_isNodeHoursComponent() {
        RedisCacheModel cache = cache(sheets(), WriteMode.INVALIDATE, 2, 17_000, 0);

        HostingCost cost = cache.hostingCost(0, SimTime.DAY);

        assertEquals(HostingCost.of(RedisCacheModel.NODES, 2L * 17_000 * 24), cost,
                "two nodes for 24 hours at $0.017; Sheets adds no component");
    }

    @Test
    void nodeHoursCostAddsUpOverIntervals() {
        // One micro-dollar per node-hour: each second is worth a fraction of a micro-dollar.
        RedisCacheModel cache = cache(sheets(), WriteMode.INVALIDATE, 3, 1, 0);

        long sum = 0;
        for (long second = 0; second < 3_600; second++) {
            sum += cache.hostingCostMicros(second * 1_000, (second + 1) * 1_000);
        }

        assertEquals(3, sum, "rounding on the cumulative bill loses nothing over an hour");
    }
}
