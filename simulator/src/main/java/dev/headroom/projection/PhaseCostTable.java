package dev.headroom.projection;

import dev.headroom.plan.PhaseChange;
import dev.headroom.run.PhaseInfo;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the cost of each phase, in plan order: the first and last day it served, the days it
 * served, its hosting cost over those days and over its last {@value #RUN_RATE_DAYS} of them,
 * its development cost and their total, and the requests and sign-ups that failed on its days.
 * A row of totals ends the table, whose money equals the cost table's totals exactly.
 *
 * <p>A day belongs to the phase that its daily record names. The day on which a phase went
 * live after midnight has a record for each phase, so it counts as a day served by both, with
 * each phase's own calls, failures and hosting. The total row counts it once. The hosting that
 * a migration adds before its phase goes live counts with the phase it leaves. A phase's
 * development cost is the charge for building it: the first phase's on day 0, and each later
 * one's when the migration into it started. A phase whose migration started but that served
 * no day has a row of its own, with no days served and {@value CapacityTable#NONE} as its first
 * and last day, so that its development cost is counted.
 */
public final class PhaseCostTable {

    /** The table's name, and so the name of its CSV file without the extension. */
    public static final String NAME = "phase-costs";

    /** The days at the end of a phase whose hosting gives its monthly run rate. */
    public static final int RUN_RATE_DAYS = 30;

    private PhaseCostTable() {
    }

    /**
     * Builds the table from the daily table, the plan's phases, the run's phase changes and the
     * first phase's development cost in micro-dollars.
     */
    public static Table build(Table daily, List<PhaseInfo> phases, List<PhaseChange> changes,
            long initialDevelopmentCostMicros) {
        StringColumn phase = StringColumn.create("phase");
        StringColumn firstDay = StringColumn.create("first_day");
        StringColumn lastDay = StringColumn.create("last_day");
        IntColumn days = IntColumn.create("days_served");
        LongColumn hosting = LongColumn.create("hosting_cost_micros");
        LongColumn runRate = LongColumn.create("hosting_last_30_days_micros");
        LongColumn development = LongColumn.create("development_cost_micros");
        LongColumn total = LongColumn.create("total_cost_micros");
        LongColumn failedRequests = LongColumn.create("failed_requests");
        LongColumn failedSignUps = LongColumn.create("failed_sign_ups");

        for (int index = 0; index < phases.size(); index++) {
            String name = phases.get(index).name();
            Table rows = TableRows.where(daily, daily.stringColumn("phase").isEqualTo(name));
            if (rows.isEmpty() && !migratedInto(changes, index)) {
                continue;
            }
            long phaseDevelopment = developmentCost(changes, index);
            // The cost table charges the first phase in year 1, which a run without days lacks.
            if (index == 0 && !daily.isEmpty()) {
                phaseDevelopment = Math.addExact(phaseDevelopment, initialDevelopmentCostMicros);
            }
            long phaseHosting = CostTable.sum(rows.longColumn("hosting_cost_micros"));

            phase.append(name);
            firstDay.append(rows.isEmpty() ? CapacityTable.NONE
                    : rows.stringColumn("date").get(0));
            lastDay.append(rows.isEmpty() ? CapacityTable.NONE
                    : rows.stringColumn("date").get(rows.rowCount() - 1));
            days.append(rows.rowCount());
            hosting.append(phaseHosting);
            runRate.append(lastDaysHosting(rows));
            development.append(phaseDevelopment);
            total.append(Math.addExact(phaseDevelopment, phaseHosting));
            failedRequests.append(CostTable.sum(rows.longColumn("failed_requests")));
            failedSignUps.append(CostTable.sum(rows.longColumn("failed_sign_ups")));
        }

        phase.append(CostTable.TOTAL);
        firstDay.append("");
        lastDay.append("");
        days.append(DailyTable.dayCount(daily));
        hosting.append(CostTable.sum(hosting));
        runRate.appendMissing();
        development.append(CostTable.sum(development));
        total.append(CostTable.sum(total));
        failedRequests.append(CostTable.sum(failedRequests));
        failedSignUps.append(CostTable.sum(failedSignUps));
        return Table.create(NAME, phase, firstDay, lastDay, days, hosting, runRate, development,
                total, failedRequests, failedSignUps);
    }

    /**
     * Returns the hosting of the last {@value #RUN_RATE_DAYS} rows of a phase's days, or of all
     * of them when it served fewer. A plan leaves each phase at most once, so they are the days
     * before it stopped serving.
     */
    private static long lastDaysHosting(Table rows) {
        int end = rows.rowCount();
        return HostingComponentTable.sum(rows.longColumn("hosting_cost_micros"),
                Math.max(0, end - RUN_RATE_DAYS), end);
    }

    /** Returns the development cost of the migrations into phase {@code index}. */
    private static long developmentCost(List<PhaseChange> changes, int index) {
        long sum = 0;
        for (PhaseChange change : changes) {
            if (change.to() == index) {
                sum = Math.addExact(sum, change.developmentCostMicros());
            }
        }
        return sum;
    }

    private static boolean migratedInto(List<PhaseChange> changes, int index) {
        return changes.stream().anyMatch(change -> change.to() == index);
    }
}
