package dev.headroom.projection;

import dev.headroom.run.PhaseInfo;
import dev.headroom.run.RunResult;
import dev.headroom.model.LimitGauge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The tables projected from one run.
 *
 * @param daily the per-day metrics, from {@link DailyTable}
 * @param limits the limit timeline, from {@link LimitTimeline}
 * @param capacity the capacity of each phase, from {@link CapacityTable}
 * @param costs the cost by year, from {@link CostTable}
 * @param hostingByComponent the hosting cost by year and component, from
 *     {@link HostingComponentTable}
 * @param phaseCosts the cost of each phase, from {@link PhaseCostTable}
 * @param phaseHostingByComponent the hosting cost of each phase by component, from
 *     {@link PhaseHostingTable}
 * @param changes the phase changes, from {@link PhaseChangeTable}
 * @param outages the failures grouped by phase, from {@link OutageTable}
 * @param phases the plan's phases, in order
 */
public record Projections(Table daily, Table limits, Table capacity, Table costs,
        Table hostingByComponent, Table phaseCosts, Table phaseHostingByComponent,
        Table changes, Table outages, List<PhaseInfo> phases) {

    public Projections {
        phases = List.copyOf(phases);
    }

    /** Projects every table from a run. */
    public static Projections of(RunResult run) {
        Table daily = DailyTable.build(run.days());
        return new Projections(
                daily,
                LimitTimeline.build(daily, capacityLimits(run), firstFullRows(run)),
                CapacityTable.build(daily, run.phases()),
                CostTable.build(daily, run.changes(), run.initialDevelopmentCostMicros()),
                HostingComponentTable.build(daily),
                PhaseCostTable.build(daily, run.phases(), run.changes(),
                        run.initialDevelopmentCostMicros()),
                PhaseHostingTable.build(daily, run.phases()),
                PhaseChangeTable.build(daily, run.phases(), run.changes(), run.startDate()),
                OutageTable.build(daily),
                run.phases());
    }

    /** Returns the tables in the order the reports write them. */
    public List<Table> all() {
        return List.of(limits, changes, capacity, costs, hostingByComponent, phaseCosts,
                phaseHostingByComponent, outages, daily);
    }

    /**
     * Returns, for each limit whose gauge reached its maximum, the first row of the daily table
     * on which one of its gauges did.
     */
    private static Map<String, Integer> firstFullRows(RunResult run) {
        Map<String, Integer> rows = new HashMap<>();
        for (int index = 0; index < run.days().size(); index++) {
            for (LimitGauge gauge : run.days().get(index).gauges()) {
                if (gauge.max() != Long.MAX_VALUE && gauge.used() >= gauge.max()) {
                    rows.putIfAbsent(gauge.limit(), index);
                }
            }
        }
        return rows;
    }

    private static List<String> capacityLimits(RunResult run) {
        List<String> names = new ArrayList<>();
        run.days().forEach(day -> day.gauges().forEach(gauge -> {
            if (!names.contains(gauge.limit())) {
                names.add(gauge.limit());
            }
        }));
        return names;
    }
}
