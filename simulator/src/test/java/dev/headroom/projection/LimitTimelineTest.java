package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LimitTimelineTest {

    private static final String KEY_READS = "key-read-half-units-per-second";

    /** Three days on DynamoDB: the busiest key hits the ceiling on day 1 and retries succeed. */
    private static Table daily() {
        return Table.create("daily",
                StringColumn.create("date", "2025-01-01", "2025-01-02", "2025-01-03"),
                LongColumn.create("users", 10, 20, 30),
                StringColumn.create("phase", "dynamodb", "dynamodb", "dynamodb"),
                LongColumn.create("throttled:TableReadKeyRangeThroughputExceeded", 0, 7, 2),
                LongColumn.create(DailyTable.FAILED + "cells", 0, 0, 4),
                LongColumn.create(DailyTable.THROTTLED + "WriteRequestsPerMinute", 0, 0, 9),
                LongColumn.create(DailyTable.FAILED + "WriteRequestsPerMinute", 0, 0, 1));
    }

    @Test
    void quota_failedAfterRetries_listedOnceAsQuota() {
        Table limits = LimitTimeline.build(daily(), List.of(KEY_READS, "cells"), Map.of());

        List<String> kinds = limits.stream()
                .filter(row -> row.getString("limit").equals("WriteRequestsPerMinute"))
                .map(row -> row.getString("kind"))
                .toList();

        assertEquals(List.of("quota"), kinds);
    }

    @Test
    void capacity_fullGauge_bindsWithItsQuota() {
        Table limits = LimitTimeline.build(daily(), List.of(KEY_READS, "cells"),
                Map.of(KEY_READS, 1));
        StringColumn names = limits.stringColumn("limit");
        int quota = names.indexOf("TableReadKeyRangeThroughputExceeded");
        int gauge = names.indexOf(KEY_READS);

        assertEquals("2025-01-02", limits.stringColumn("binds_on").get(quota));
        assertEquals("2025-01-02", limits.stringColumn("binds_on").get(gauge));
        assertEquals(20, limits.longColumn("users").get(gauge));
        assertEquals(0, limits.longColumn("count_that_day").get(gauge));
    }

    @Test
    void capacity_fullBeforeFailure_bindsWhenFull() {
        // Cells first fail a call on 2025-01-03 (day 2), but a cells gauge was full on
        // 2025-01-01 (day 0). The limit binds on the earlier of the two days, by its gauge
        // alone, so the count that day is zero.
        Table limits = LimitTimeline.build(daily(), List.of(KEY_READS, "cells"),
                Map.of("cells", 0));
        int cells = limits.stringColumn("limit").indexOf("cells");

        assertEquals("2025-01-01", limits.stringColumn("binds_on").get(cells));
        assertEquals(10, limits.longColumn("users").get(cells));
        assertEquals(0, limits.longColumn("count_that_day").get(cells));
    }

    @Test
    void capacity_noFullGauge_bindsOnFailure() {
        Table limits = LimitTimeline.build(daily(), List.of(KEY_READS, "cells"), Map.of());
        StringColumn names = limits.stringColumn("limit");

        assertEquals(LimitTimeline.NOT_REACHED,
                limits.stringColumn("binds_on").get(names.indexOf(KEY_READS)));
        assertEquals("2025-01-03", limits.stringColumn("binds_on").get(names.indexOf("cells")));
        assertEquals(4, limits.longColumn("count_that_day").get(names.indexOf("cells")));
    }
}
