package dev.headroom.report;

import dev.headroom.projection.Projections;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Builds the line that the summary and {@code report.md} print about the Sheets archive job: its
 * runs, its busiest day, the calls that failed and the rows moved, and the throttled attempts of
 * the job and of users while it ran. A run that crosses midnight counts on two days, so the
 * busiest day can hold less than the largest run.
 */
public final class ArchiveJobNote {

    private ArchiveJobNote() {
    }

    /** Returns one line, or none when no archive job started a run. */
    public static List<String> lines(Projections projections) {
        Table daily = projections.daily();
        long runs = DailyTotals.sum(daily, "archive_runs");
        if (runs == 0) {
            return List.of();
        }
        long busiestCalls = 0;
        long busiestMillis = 0;
        for (int row = 0; row < daily.rowCount(); row++) {
            long calls = daily.longColumn("archive_calls").getLong(row);
            if (calls > busiestCalls) {
                busiestCalls = calls;
                busiestMillis = daily.longColumn("archive_busy_ms").getLong(row);
            }
        }
        return List.of(String.format(Locale.ROOT, "Sheets archive job: %s; its busiest day"
                + " made %s over %s. Job calls failed: %,d; rows moved: %,d. Job"
                + " attempts throttled: %,d; users' attempts throttled while it ran: %,d.",
                Cells.count(runs, "run"), Cells.count(busiestCalls, "call"),
                busyText(busiestMillis),
                DailyTotals.sum(daily, "archive_failed"),
                DailyTotals.sum(daily, "archive_rows_moved"),
                DailyTotals.sum(daily, "archive_throttled"),
                DailyTotals.sum(daily, "throttled_during_archive")));
    }

    /** Formats busy time in seconds below a minute, such as {@code 2.5 s}, else in minutes. */
    private static String busyText(long millis) {
        return millis < 60_000
                ? String.format(Locale.ROOT, "%.1f s", millis / 1_000.0)
                : String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
    }
}
