package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.projection.Projections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RedisCacheNoteTest {

    /** A header without Redis settings, as for a scenario that leaves them at the defaults. */
    private static final ReportHeader HEADER = header(List.of());

    @Test
    void hitRate_isHitsOverAllReads() {
        // Two days of one cached phase: 1 + 2 = 3 hits and 2 + 3 = 5 misses, so 8 balance
        // reads and a hit rate of 3 / 8 = 37.5%.
        List<String> lines = RedisCacheNote.lines(HEADER, projections(new long[] {1, 2},
                new long[] {2, 3}));

        assertEquals(List.of("Redis cache, phase 'cached': 3 hits and 5 misses of 8 balance"
                + " reads, a measured hit rate of 37.5%."), lines);
    }

    @Test
    void hitRate_noHit_saysWhy() {
        List<String> lines = RedisCacheNote.lines(HEADER, projections(new long[] {0, 0},
                new long[] {2, 3}));

        assertEquals(List.of("Redis cache, phase 'cached': 0 hits and 5 misses of 5 balance"
                + " reads, a measured hit rate of 0.0%." + RedisCacheNote.NO_HIT), lines);
    }

    @Test
    void hitRate_noHitUnderUpdate_saysTheTtlWasTooShort() {
        // Under on_write: update no usage row deletes an entry, so the note once blamed a
        // setting the scenario did not use; the reason is the TTL, shorter than the time
        // between a user's requests.
        ReportHeader header = header(List.of("redis.ttl: 1s", "redis.on_write: update"));

        List<String> lines = RedisCacheNote.lines(header, projections(new long[] {0, 0},
                new long[] {2, 3}));

        assertEquals(List.of("Redis cache, phase 'cached': 0 hits and 5 misses of 5 balance"
                + " reads, a measured hit rate of 0.0%. No read found a fresh entry: under"
                + " redis.on_write: update an entry lives redis.ttl, 1s here, from the read that"
                + " stored it or the append that refreshed it, and no user's next read came that"
                + " soon. An append that Sheets failed deletes the entry too. A redis.ttl longer"
                + " than the time between a user's requests gives hits."), lines);
    }

    @Test
    void hitRate_noHitUnderInvalidate_blamesTheDeletes() {
        ReportHeader header = header(List.of("redis.ttl: 5m", "redis.on_write: invalidate"));

        List<String> lines = RedisCacheNote.lines(header, projections(new long[] {0, 0},
                new long[] {2, 3}));

        assertEquals(List.of("Redis cache, phase 'cached': 0 hits and 5 misses of 5 balance"
                + " reads, a measured hit rate of 0.0%." + RedisCacheNote.NO_HIT), lines);
    }

    private static ReportHeader header(List<String> parameters) {
        return new ReportHeader("test", "cached", "hash", 1, 2, parameters);
    }

    /** Returns two days of one cached phase with the given hits and misses. */
    private static Projections projections(long[] hits, long[] misses) {
        Table daily = Table.create("daily",
                StringColumn.create("phase", "cached", "cached"),
                StringColumn.create("migrating_to", "", ""),
                LongColumn.create("redis_hits", hits),
                LongColumn.create("redis_misses", misses));
        Table capacity = Table.create("capacity",
                StringColumn.create("phase", "cached"),
                StringColumn.create("backend", "sheets + redis-cache"));
        return new Projections(daily, Table.create("limits"), capacity,
                Table.create("costs"), Table.create("hosting-by-component"),
                Table.create("phase-costs"), Table.create("phase-hosting-by-component"),
                Table.create("changes"), Table.create("outages"), List.of());
    }
}
