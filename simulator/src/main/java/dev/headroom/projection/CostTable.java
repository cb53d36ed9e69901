package dev.headroom.projection;

import dev.headroom.engine.SimTime;
import dev.headroom.plan.PhaseChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the cost table by simulated year, in the shape of the plan's five-year projection:
 * year, users at the end of the year, the solution that served, development cost, hosting cost
 * and their total, then a row of totals. The year's failed requests and sign-ups follow, so a
 * cheap year that lost users does not read as a saving.
 *
 * <p>Years are 365-day blocks from day zero, so a horizon that is not a whole number of years
 * ends with a partial year, labelled with its days, such as {@code 2 (1 day)}. The first
 * phase's development cost falls in year 1, and a migration's in the year it starts. The
 * solution lists every phase that served during the year, in order, joined by {@code " -> "}.
 */
public final class CostTable {

    /** The name of the column that numbers each year, or contains {@link #TOTAL}. */
    public static final String YEAR = "year";

    /** The text in the year column of the totals row. */
    public static final String TOTAL = "total";

    private CostTable() {
    }

    /**
     * Builds the table from the daily table, the run's phase changes and the first phase's
     * development cost in micro-dollars, which is charged on day 0.
     */
    public static Table build(Table daily, List<PhaseChange> changes,
            long initialDevelopmentCostMicros) {
        StringColumn year = StringColumn.create(YEAR);
        LongColumn users = LongColumn.create("users_at_year_end");
        StringColumn solution = StringColumn.create("solution");
        LongColumn development = LongColumn.create("development_cost_micros");
        LongColumn hosting = LongColumn.create("hosting_cost_micros");
        LongColumn total = LongColumn.create("total_cost_micros");
        LongColumn failedRequests = LongColumn.create("failed_requests");
        LongColumn failedSignUps = LongColumn.create("failed_sign_ups");

        int dayCount = DailyTable.dayCount(daily);
        int years = (dayCount + 364) / 365;
        for (int index = 0; index < years; index++) {
            Table rows = TableRows.where(daily, daily.intColumn("day")
                    .isBetweenInclusive(index * 365, index * 365 + 364));
            long yearDevelopment = developmentCost(changes, index);
            if (index == 0) {
                yearDevelopment = Math.addExact(yearDevelopment, initialDevelopmentCostMicros);
            }
            long yearHosting = sum(rows.longColumn("hosting_cost_micros"));

            year.append(yearLabel(index, Math.min(365, dayCount - index * 365)));
            users.append(rows.longColumn("users").getLong(rows.rowCount() - 1));
            solution.append(String.join(" -> ", phasesServing(rows)));
            development.append(yearDevelopment);
            hosting.append(yearHosting);
            total.append(Math.addExact(yearDevelopment, yearHosting));
            failedRequests.append(sum(rows.longColumn("failed_requests")));
            failedSignUps.append(sum(rows.longColumn("failed_sign_ups")));
        }

        year.append(TOTAL);
        users.appendMissing();
        solution.append("");
        development.append(sum(development));
        hosting.append(sum(hosting));
        total.append(sum(total));
        failedRequests.append(sum(failedRequests));
        failedSignUps.append(sum(failedSignUps));
        return Table.create("costs", year, users, solution, development, hosting, total,
                failedRequests, failedSignUps);
    }

    /** Returns the label of a year, with its days when it is shorter than 365. */
    static String yearLabel(int index, int days) {
        String number = Integer.toString(index + 1);
        if (days == 365) {
            return number;
        }
        return number + " (" + days + (days == 1 ? " day)" : " days)");
    }

    private static long developmentCost(List<PhaseChange> changes, int yearIndex) {
        long sum = 0;
        for (PhaseChange change : changes) {
            if (SimTime.dayOf(change.startMillis()) / 365 == yearIndex) {
                sum = Math.addExact(sum, change.developmentCostMicros());
            }
        }
        return sum;
    }

    /** Returns the exact sum of a column's values, skipping missing ones. */
    public static long sum(LongColumn column) {
        long sum = 0;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                sum = Math.addExact(sum, column.getLong(row));
            }
        }
        return sum;
    }

    private static List<String> phasesServing(Table rows) {
        Set<String> names = new LinkedHashSet<>(rows.stringColumn("phase").asList());
        return new ArrayList<>(names);
    }
}
