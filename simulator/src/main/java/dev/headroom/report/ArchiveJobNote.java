package dev.headroom.report;

import dev.headroom.projection.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Builds the line that the summary and {@code report.md} print about the Sheets archive job: its
 * runs, the calls and the time of a run, and the throttled attempts of the job and of users
 * while it ran. A run is a stretch of consecutive days with archive calls, so two runs on
 * adjacent days would count as one.
 */
public final class ArchiveJobNote {

    private ArchiveJobNote() {
    }

    /** Returns one line, or none when no archive job made a call. */
    public static List<String> lines(Projections projections) {
        Table daily = projections.daily();
        List<long[]> runs = new ArrayList<>();
        long[] current = null;
        for (int row = 0; row < daily.rowCount(); row++) {
            long calls = daily.longColumn("archive_calls").getLong(row);
            if (calls == 0) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new long[4];
                runs.add(current);
            }
            current[0] += calls;
            current[1] += daily.longColumn("archive_busy_ms").getLong(row);
            current[2] += daily.longColumn("archive_throttled").getLong(row);
            current[3] += daily.longColumn("throttled_during_archive").getLong(row);
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        long maxCalls = 0;
        long maxMillis = 0;
        long jobThrottles = 0;
        long userThrottles = 0;
        for (long[] run : runs) {
            maxCalls = Math.max(maxCalls, run[0]);
            maxMillis = Math.max(maxMillis, run[1]);
            jobThrottles += run[2];
            userThrottles += run[3];
        }
        long[] last = runs.get(runs.size() - 1);
        return List.of(String.format(Locale.ROOT, "Sheets archive job: %,d runs; the largest"
                + " made %,d calls and the longest took %.1f min; the last made %,d calls in"
                + " %.1f min. Job attempts throttled: %,d; users' attempts throttled while it"
                + " ran: %,d.", runs.size(), maxCalls, maxMillis / 60_000.0, last[0],
                last[1] / 60_000.0, jobThrottles, userThrottles));
    }
}
