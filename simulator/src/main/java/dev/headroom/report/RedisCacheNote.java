package dev.headroom.report;

import dev.headroom.projection.Projections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Builds the lines that the summary and {@code report.md} print about a Redis balance cache:
 * per phase that had one, the balance reads it served and missed and the measured hit rate.
 */
public final class RedisCacheNote {

    /**
     * The explanation added to the line of a cache that served no read under
     * {@code on_write: invalidate}, the default.
     */
    static final String NO_HIT = " No read found a fresh entry: an entry lives redis.ttl, and"
            + " under redis.on_write: invalidate every usage row deletes its user's entry, so the"
            + " read of the user's next request misses. Under on_write: update an append"
            + " refreshes a fresh entry instead.";

    /**
     * The explanation under {@code on_write: update}, where no usage row deletes an entry, with
     * the TTL in place of {@code %s}.
     */
    private static final String NO_HIT_UPDATE = " No read found a fresh entry: under"
            + " redis.on_write: update an entry lives redis.ttl, %s here, from the read that"
            + " stored it or the append that refreshed it, and no user's next read came that"
            + " soon. An append that Sheets failed deletes the entry too. A redis.ttl longer"
            + " than the time between a user's requests gives hits.";

    private RedisCacheNote() {
    }

    /**
     * Returns one line for each phase whose daily rows counted Redis hits or misses, in the order
     * the phases served. The list is empty when no phase had a cache. A cache that served no
     * read gets the reason that fits the header's {@code redis.on_write}. A day on which a phase
     * goes live after midnight has a row per phase, so each phase's reads count for it.
     */
    public static List<String> lines(ReportHeader header, Projections projections) {
        String noHit = "update".equals(header.parameter("redis.on_write"))
                ? String.format(Locale.ROOT, NO_HIT_UPDATE, header.parameter("redis.ttl"))
                : NO_HIT;
        Table daily = projections.daily();
        Map<String, long[]> byPhase = new LinkedHashMap<>();
        for (int row = 0; row < daily.rowCount(); row++) {
            long hits = daily.longColumn("redis_hits").getLong(row);
            long misses = daily.longColumn("redis_misses").getLong(row);
            if (hits + misses == 0) {
                continue;
            }
            String phase = daily.stringColumn("phase").get(row);
            long[] counts = byPhase.computeIfAbsent(phase, name -> new long[2]);
            counts[0] += hits;
            counts[1] += misses;
        }
        List<String> lines = new ArrayList<>();
        byPhase.forEach((phase, counts) -> {
            double rate = 100.0 * counts[0] / (counts[0] + counts[1]);
            String reason = counts[0] == 0 ? noHit : "";
            lines.add(String.format(Locale.ROOT, "Redis cache, phase '%s': %s and %s of %s,"
                    + " a measured hit rate of %.1f%%.%s", phase, Cells.count(counts[0], "hit"),
                    Cells.count(counts[1], "miss", "misses"),
                    Cells.count(counts[0] + counts[1], "balance read"), rate, reason));
        });
        return lines;
    }
}
