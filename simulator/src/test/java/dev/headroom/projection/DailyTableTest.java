package dev.headroom.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.ArchiveCount;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.run.BilledUsage;
import dev.headroom.run.DayRecord;
import dev.headroom.run.TopUps;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class DailyTableTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    /** Returns the days of a run on many workbooks that then moves to DynamoDB. */
    private static List<DayRecord> days(int workbooks, int sheetsDays, int dynamoDbDays) {
        List<DayRecord> days = new ArrayList<>();
        for (int day = 0; day < sheetsDays; day++) {
            List<LimitGauge> gauges = new ArrayList<>();
            for (int workbook = 0; workbook < workbooks; workbook++) {
                gauges.add(new LimitGauge("tabs", "workbook-" + workbook, day + workbook, 200));
                gauges.add(new LimitGauge("cells", "workbook-" + workbook, 1_000L * day,
                        10_000_000));
            }
            days.add(day(day, "shards", gauges));
        }
        for (int day = sheetsDays; day < sheetsDays + dynamoDbDays; day++) {
            days.add(day(day, "dynamodb",
                    List.of(new LimitGauge("table-bytes", "dynamodb", 500L * day,
                            Long.MAX_VALUE))));
        }
        return days;
    }

    private static DayRecord day(int day, String phase, List<LimitGauge> gauges) {
        return day(day, phase, HostingCost.NONE, gauges);
    }

    /** Returns a day of 10 users with the given hosting cost and gauges, and nothing else. */
    static DayRecord day(int day, String phase, HostingCost hosting, List<LimitGauge> gauges) {
        Map<String, Long> none = new TreeMap<>();
        return new DayRecord(day, START.plusDays(day), 0, phase, "", 10, 0, 0, 0, 0, 0,
                TopUps.NONE, 0, -1, 0, 0, 0, ArchiveCount.NONE, 0, 0, 0, new TreeMap<>(none),
                new TreeMap<>(none), 0, 0, hosting, 0, BilledUsage.NONE, gauges);
    }

    @Test
    void hosting_oneColumnPerComponent_zeroWhenAbsent() {
        List<DayRecord> days = List.of(
                day(0, "sheets", HostingCost.NONE, List.of()),
                day(1, "dynamodb", HostingCost.of("dax_nodes", 960_000), List.of()),
                day(2, "dynamodb", HostingCost.of("dynamodb_read_units", 3)
                        .plus("dax_nodes", 960_000), List.of()));

        Table table = DailyTable.build(days);

        assertEquals(List.of(0L, 960_000L, 960_000L),
                table.longColumn("hosting:dax_nodes_micros").asList());
        assertEquals(List.of(0L, 0L, 3L),
                table.longColumn("hosting:dynamodb_read_units_micros").asList());
        assertEquals(List.of(0L, 960_000L, 960_003L),
                table.longColumn("hosting_cost_micros").asList());
    }

    @Test
    void gauges_manyWorkbooks_oneColumnEach() {
        Table table = DailyTable.build(days(3, 2, 1));
        LongColumn tabs = table.longColumn("tabs:workbook-2");
        LongColumn bytes = table.longColumn("table-bytes:dynamodb");

        assertEquals(List.of(2L, 3L), List.of(tabs.get(0), tabs.get(1)));
        assertTrue(tabs.isMissing(2));
        assertTrue(bytes.isMissing(0));
        assertEquals(1_000L, bytes.get(2));
        assertEquals(1_000L, table.longColumn("cells:workbook-0").get(1));
    }

    @Test
    void gauges_thousandsOfWorkbooks_builtInSeconds() {
        // 2,000 workbooks give 4,000 gauge columns, and a year of days.
        List<DayRecord> days = days(2_000, 300, 65);

        Table table = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> DailyTable.build(days));

        assertEquals(365, table.rowCount());
        LongColumn last = table.longColumn("cells:workbook-1999");
        assertEquals(299_000L, last.get(299));
        assertEquals(65, last.countMissing());
    }
}
