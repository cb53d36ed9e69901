package dev.headroom.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the limit timeline from the per-day table: for each limit the run met, the first day it
 * bound and the users at the end of that day, or {@value #NOT_REACHED}.
 *
 * <p>A quota binds on the first day it throttles an attempt, even when the retry then succeeds.
 * A capacity limit (tabs, cells, partition throughput) binds on the first day it fails a call
 * or one of its gauges reaches the gauge's maximum, whichever comes first. On a day it binds by
 * its gauge alone, the count is zero. So the per-key throughput rows of DynamoDB bind on the day
 * the busiest key reaches the ceiling, when its throttling reason also binds.
 * Limits are listed quotas first, then capacity limits, each in the order the daily table names
 * them.
 */
public final class LimitTimeline {

    /** The text of a limit that never bound during the run. */
    public static final String NOT_REACHED = "not reached";

    private LimitTimeline() {
    }

    /**
     * Builds the timeline.
     *
     * @param daily the table from {@link DailyTable#build}
     * @param capacityLimits limit names that the run's backends declare through their gauges,
     *     listed even when no call failed on them
     * @param firstFullRows for each limit whose gauge reached its maximum, the first row of
     *     {@code daily} on which one did
     */
    public static Table build(Table daily, List<String> capacityLimits,
            Map<String, Integer> firstFullRows) {
        StringColumn limit = StringColumn.create("limit");
        StringColumn kind = StringColumn.create("kind");
        StringColumn bindsOn = StringColumn.create("binds_on");
        LongColumn users = LongColumn.create("users");
        StringColumn phase = StringColumn.create("phase");
        LongColumn count = LongColumn.create("count_that_day");

        List<Row> rows = new ArrayList<>();
        for (String name : daily.columnNames()) {
            if (name.startsWith(DailyTable.THROTTLED)) {
                String quota = name.substring(DailyTable.THROTTLED.length());
                rows.add(new Row(quota, "quota", name, -1));
            }
        }
        List<String> capacity = new ArrayList<>(capacityLimits);
        for (String name : daily.columnNames()) {
            if (name.startsWith(DailyTable.FAILED)) {
                String limitName = name.substring(DailyTable.FAILED.length());
                // A call that a quota kept throttling has the quota's row already.
                boolean quota = daily.containsColumn(DailyTable.THROTTLED + limitName);
                if (!quota && !capacity.contains(limitName)) {
                    capacity.add(limitName);
                }
            }
        }
        for (String limitName : capacity) {
            rows.add(new Row(limitName, "capacity", DailyTable.FAILED + limitName,
                    firstFullRows.getOrDefault(limitName, -1)));
        }

        for (Row row : rows) {
            limit.append(row.limit());
            kind.append(row.kind());
            int first = firstOf(firstPositiveRow(daily, row.column()), row.firstFullRow());
            if (first < 0) {
                bindsOn.append(NOT_REACHED);
                users.appendMissing();
                phase.append("");
                count.append(0);
            } else {
                bindsOn.append(daily.stringColumn("date").get(first));
                users.append(daily.longColumn("users").get(first));
                phase.append(daily.stringColumn("phase").get(first));
                count.append(daily.containsColumn(row.column())
                        ? daily.longColumn(row.column()).get(first) : 0);
            }
        }
        return Table.create("limits", limit, kind, bindsOn, users, phase, count);
    }

    /**
     * One limit of the timeline, the daily column that shows it failing calls, and the first row
     * on which its gauge was full, or -1.
     */
    private record Row(String limit, String kind, String column, int firstFullRow) {
    }

    /** Returns the earlier of two row indexes, where -1 means none. */
    private static int firstOf(int first, int second) {
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }

    private static int firstPositiveRow(Table daily, String column) {
        if (!daily.containsColumn(column)) {
            return -1;
        }
        LongColumn values = daily.longColumn(column);
        for (int row = 0; row < values.size(); row++) {
            if (values.getLong(row) > 0) {
                return row;
            }
        }
        return -1;
    }
}
