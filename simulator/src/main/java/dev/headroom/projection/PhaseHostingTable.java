package dev.headroom.projection;

import dev.headroom.run.PhaseInfo;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the hosting cost of each phase by component, in long format: one row per phase and
 * component that the phase paid for, in plan order and then in the order of the components of
 * {@link HostingComponentTable}, then a row of totals. A component that cost a phase nothing has
 * no row, so a phase without hosting has none at all.
 *
 * <p>A day belongs to the phase that its daily record names, as in {@link PhaseCostTable}. So
 * each phase's rows add up exactly to its {@code hosting_cost_micros} there, and the rows of a
 * component add up to that component's total in {@link HostingComponentTable}. The next
 * phase's instance and node hours during a migration fall on the old phase's days, so a Sheets
 * phase followed by a PostgreSQL one has {@code rds_instance} rows.
 */
public final class PhaseHostingTable {

    /** The table's name, and so the name of its CSV file without the extension. */
    public static final String NAME = "phase-hosting-by-component";

    private PhaseHostingTable() {
    }

    /**
     * Builds the table from the daily table's {@code hosting_cost_micros} and
     * {@code hosting:COMPONENT_micros} columns and the plan's phases.
     *
     * @throws IllegalStateException if a phase's components do not add up to its hosting cost
     */
    public static Table build(Table daily, List<PhaseInfo> phases) {
        List<LongColumn> dailyComponents = HostingComponentTable.componentColumns(daily);
        StringColumn phase = StringColumn.create("phase");
        StringColumn component = StringColumn.create("component");
        LongColumn hosting = LongColumn.create("hosting_cost_micros");

        for (PhaseInfo info : phases) {
            String name = info.name();
            Table rows = TableRows.where(daily, daily.stringColumn("phase").isEqualTo(name));
            long phaseHosting = CostTable.sum(rows.longColumn("hosting_cost_micros"));
            long componentSum = 0;
            for (LongColumn column : dailyComponents) {
                long micros = CostTable.sum(rows.longColumn(column.name()));
                if (micros == 0) {
                    continue;
                }
                phase.append(name);
                component.append(componentName(column.name()));
                hosting.append(micros);
                componentSum = Math.addExact(componentSum, micros);
            }
            if (componentSum != phaseHosting) {
                throw new IllegalStateException("hosting components of phase " + name
                        + " add up to " + componentSum + " micro-dollars, not the phase's "
                        + phaseHosting);
            }
        }

        phase.append(CostTable.TOTAL);
        component.append("");
        hosting.append(CostTable.sum(hosting));
        return Table.create(NAME, phase, component, hosting);
    }

    /** Returns the component of a {@code hosting:COMPONENT_micros} column: {@code COMPONENT}. */
    static String componentName(String column) {
        return column.substring(DailyTable.HOSTING.length(),
                column.length() - DailyTable.MICROS.length());
    }
}
