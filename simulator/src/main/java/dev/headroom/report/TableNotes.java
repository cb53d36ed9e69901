package dev.headroom.report;

import dev.headroom.projection.CapacityTable;
import dev.headroom.projection.LimitTimeline;
import dev.headroom.projection.PhaseChangeTable;
import dev.headroom.projection.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Builds the lines that the summary and {@code report.md} print under the limit timeline, the
 * phase changes and the capacity table, so that each table can be read without the column
 * reference: which limit bound first, how far one seed's dates can be trusted, and what the
 * less obvious columns measure.
 */
final class TableNotes {

    private TableNotes() {
    }

    /**
     * Returns the line that names the first limit to bind, and the line that states the dates come
     * from one seed and how to see their spread over many.
     */
    static List<String> limits(ReportHeader header, Projections projections) {
        return List.of(firstLimit(projections.limits()), String.format(Locale.ROOT, "Every date"
                + " in this report comes from one draw of the random workload, seed %d, and"
                + " another seed can move each one. Before acting on a date or a start_by day,"
                + " run `headroom sweep` on this scenario for their spread over many seeds. Sweep"
                + " again after changing a trigger, because a move started earlier changes what"
                + " fails next.", header.seed()));
    }

    /**
     * Returns the line that explains start_by and users_at_start, or none without changes. It
     * explains a start_by before the run's first day only when a row has one.
     */
    static List<String> changes(Projections projections) {
        Table changes = projections.changes();
        if (changes.isEmpty()) {
            return List.of();
        }
        String runStart = projections.daily().stringColumn("date").get(0);
        boolean beforeRun = changes.stringColumn("start_by").asList().stream()
                .anyMatch(startBy -> PhaseChangeTable.beforeRun(startBy, runStart));
        String dayBeforeRun = beforeRun ? " A start_by of the day before the run's first day"
                + " means that the lead time is longer than the days from the run's start to the"
                + " first failure, so the migration had to start before the run began." : "";
        return List.of("start_by is the last day a migration could start and still go live,"
                + " after the new phase's lead time, before the day the old phase first failed a"
                + " call. A start_by of - means the old phase never failed." + dayBeforeRun
                + " users_at_start counts the users placed at the midnight that began the started"
                + " day.");
    }

    /**
     * Returns the line that explains the capacity table's users on paper and cells per year, or
     * none when no phase used Sheets workbooks.
     */
    static List<String> capacity(Projections projections) {
        Table capacity = projections.capacity();
        List<String> measured = new ArrayList<>();
        List<String> trends = new ArrayList<>();
        boolean sheets = false;
        for (int row = 0; row < capacity.rowCount(); row++) {
            String phase = capacity.stringColumn("phase").get(row);
            sheets |= capacity.intColumn("workbooks").getInt(row) > 0;
            Optional<CapacityTable.CellGrowth> growth =
                    CapacityTable.cellGrowth(projections.daily(), phase);
            if (growth.isPresent()) {
                measured.add(Cells.count(growth.get().days(), "day") + " for " + phase);
                if (growth.get().trend()) {
                    trends.add(phase);
                }
            }
        }
        if (!sheets) {
            return List.of();
        }
        String paper = "nominal_max_users is workbooks times the tabs per workbook, the users"
                + " the tab limit allows on paper. Users carried over from the phase before stay"
                + " in workbook 0, so a workbook can fill before that total, and"
                + " users_at_first_failed_sign_up gives the users on the day the first sign-up"
                + " failed, whichever limit failed it.";
        if (measured.isEmpty()) {
            return List.of(paper);
        }
        String trend = trends.isEmpty() ? "" : " For " + Cells.joinWithAnd(trends) + ", whose"
                + " cells fell on some day as an archiving phase's do at each run, it is the"
                + " least-squares trend of the daily totals.";
        return List.of(paper + " cells_per_year is the growth of the cells of all a phase's"
                + " workbooks up to the day before its first cell failure, scaled to 365 days"
                + " from the days measured: " + Cells.joinWithAnd(measured) + "." + trend);
    }

    private static String firstLimit(Table limits) {
        String first = "";
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < limits.rowCount(); row++) {
            String day = limits.stringColumn("binds_on").get(row);
            if (day.equals(LimitTimeline.NOT_REACHED)) {
                continue;
            }
            if (first.isEmpty() || day.compareTo(first) < 0) {
                first = day;
                rows.clear();
            }
            if (day.equals(first)) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return "No limit bound during the run.";
        }
        List<String> names = new ArrayList<>();
        boolean quota = false;
        for (int row : rows) {
            names.add(limits.stringColumn("limit").get(row));
            quota |= limits.stringColumn("kind").get(row).equals("quota");
        }
        int row = rows.get(0);
        String retried = quota ? " A quota binds on its first throttled attempt, which a retry"
                + " may still have served, so the outages table gives the first failure." : "";
        return String.format(Locale.ROOT, "The first %s to bind %s %s, on %s in phase %s"
                + " with %s.%s", names.size() == 1 ? "limit" : "limits",
                names.size() == 1 ? "was" : "were", Cells.joinWithAnd(names), first,
                limits.stringColumn("phase").get(row),
                Cells.count(limits.longColumn("users").getLong(row), "user"), retried);
    }
}
