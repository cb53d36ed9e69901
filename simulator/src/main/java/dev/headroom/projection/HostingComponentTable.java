package dev.headroom.projection;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds the hosting cost of each year by component: the year, as in {@link CostTable}, its
 * hosting cost, then one {@code COMPONENT_micros} column per component, such as
 * {@code dax_nodes_micros}, in the order the components first appear in the run. A row of
 * totals ends the table. The components of each row add up exactly to its hosting cost, which
 * is the cost table's.
 */
public final class HostingComponentTable {

    /** The table's name, and so the name of its CSV file without the extension. */
    public static final String NAME = "hosting-by-component";

    private HostingComponentTable() {
    }

    /**
     * Builds the table from the daily table's {@code hosting_cost_micros} and
     * {@code hosting:COMPONENT_micros} columns.
     *
     * @throws IllegalStateException if a year's components do not add up to its hosting cost
     */
    public static Table build(Table daily) {
        List<LongColumn> dailyComponents = componentColumns(daily);
        StringColumn year = StringColumn.create(CostTable.YEAR);
        LongColumn hosting = LongColumn.create("hosting_cost_micros");
        List<LongColumn> components = new ArrayList<>();
        for (LongColumn column : dailyComponents) {
            components.add(LongColumn.create(
                    column.name().substring(DailyTable.HOSTING.length())));
        }

        int dayCount = DailyTable.dayCount(daily);
        int years = (dayCount + 364) / 365;
        for (int index = 0; index < years; index++) {
            int first = TableRows.firstRowOfDay(daily, index * 365);
            int last = TableRows.firstRowOfDay(daily, index * 365 + 365);
            long yearHosting = sum(daily.longColumn("hosting_cost_micros"), first, last);
            long componentSum = 0;
            for (int column = 0; column < components.size(); column++) {
                long micros = sum(dailyComponents.get(column), first, last);
                components.get(column).append(micros);
                componentSum = Math.addExact(componentSum, micros);
            }
            if (componentSum != yearHosting) {
                throw new IllegalStateException("hosting components of year " + (index + 1)
                        + " add up to " + componentSum + " micro-dollars, not the year's "
                        + yearHosting);
            }
            year.append(CostTable.yearLabel(index, Math.min(365, dayCount - index * 365)));
            hosting.append(yearHosting);
        }

        year.append(CostTable.TOTAL);
        hosting.append(CostTable.sum(hosting));
        components.forEach(column -> column.append(CostTable.sum(column)));
        Table table = Table.create(NAME, year, hosting);
        components.forEach(table::addColumns);
        return table;
    }

    /** Returns the daily table's hosting component columns, in their order. */
    static List<LongColumn> componentColumns(Table daily) {
        List<LongColumn> columns = new ArrayList<>();
        for (Column<?> column : daily.columns()) {
            if (column.name().startsWith(DailyTable.HOSTING)) {
                columns.add((LongColumn) column);
            }
        }
        return columns;
    }

    /** Returns the exact sum of rows {@code [first, last)} of a column without missing values. */
    static long sum(LongColumn column, int first, int last) {
        long sum = 0;
        for (int row = first; row < last; row++) {
            sum = Math.addExact(sum, column.getLong(row));
        }
        return sum;
    }
}
