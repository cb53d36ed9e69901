package dev.headroom.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.model.ArchiveCount;
import dev.headroom.model.HostingCost;
import dev.headroom.model.LimitGauge;
import dev.headroom.scenario.Scenarios;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GaugeReadingsTest {

    private static List<LimitGauge> workbooks(long tabs, long cellLimit) {
        return List.of(new LimitGauge("tabs", "workbook-0", tabs, 200),
                new LimitGauge("cells", "workbook-0", 26_000 * tabs, cellLimit),
                new LimitGauge("tabs", "workbook-1", tabs + 1, 200));
    }

    @Test
    void readings_sameGauges_equalTheGauges() {
        GaugeReadings readings = GaugeReadings.of(workbooks(3, 10_000_000), null);

        assertEquals(workbooks(3, 10_000_000), readings);
        assertEquals(new LimitGauge("tabs", "workbook-1", 4, 200), readings.get(2));
    }

    @Test
    void readings_nextDaySameNames_shareLayout() {
        GaugeReadings first = GaugeReadings.of(workbooks(3, 10_000_000), null);
        GaugeReadings second = GaugeReadings.of(workbooks(5, 10_000_000), first);

        assertTrue(second.sharesLayoutWith(first));
        assertEquals(workbooks(5, 10_000_000), second);
    }

    @Test
    void readings_changedMaximum_ownLayout() {
        GaugeReadings first = GaugeReadings.of(workbooks(3, 10_000_000), null);
        GaugeReadings second = GaugeReadings.of(workbooks(3, 5_000_000), first);

        assertFalse(second.sharesLayoutWith(first));
        assertEquals(5_000_000, second.get(1).max());
    }

    @Test
    void readings_unmodifiable() {
        GaugeReadings readings = GaugeReadings.of(workbooks(3, 10_000_000), null);

        assertThrows(UnsupportedOperationException.class,
                () -> readings.add(new LimitGauge("tabs", "workbook-2", 0, 200)));
    }

    @Test
    void dayRecord_keepsReadingsUncopied() {
        // A copy would turn each day's readings back into one object per gauge.
        GaugeReadings readings = GaugeReadings.of(workbooks(3, 10_000_000), null);

        DayRecord day = new DayRecord(0, LocalDate.of(2025, 1, 1), 0, "shards", "", 1, 0, 0, 0, 0,
                0, TopUps.NONE, 0, -1, 0, 0, 0, ArchiveCount.NONE, 0, 0, 0, new TreeMap<>(),
                new TreeMap<>(), 0, 0, HostingCost.NONE, 0, BilledUsage.NONE, readings);

        assertSame(readings, day.gauges());
    }

    @Test
    void run_consecutiveDays_shareLayout() throws Exception {
        // Three users on five workbooks for a week keep the same gauges every day.
        String yaml = """
                name: five-workbooks
                start_date: 2025-01-06
                horizon: 7d
                growth:
                  kind: piecewise
                  points:
                    - {at: 0d, users: 3}
                plan:
                  hourly_rate: 100
                  phases:
                    - name: shards
                      backend: {kind: sheets-sharded, workbooks: 5}
                """;
        RunSetup setup = RunSetups.of(Scenarios.parse(yaml, "test.yaml"), Path.of("."));
        RunResult result = new SimulationRun(setup).run(RunProgress.NONE);
        GaugeReadings first = (GaugeReadings) result.days().get(0).gauges();
        GaugeReadings last = (GaugeReadings) result.days().get(6).gauges();

        assertTrue(last.sharesLayoutWith(first));
        assertEquals(10, last.size());
    }
}
