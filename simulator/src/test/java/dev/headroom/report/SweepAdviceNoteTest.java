package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SweepAdviceNoteTest {

    private static final ReportHeader HEADER = new ReportHeader("test", "plan", "hash", 1, 10,
            List.of());

    @Test
    void summary_startByDay_explainsAdvice() {
        SweepReport report = report("2025-10-19", "98");

        String summary = report.summary("out");
        String markdown = report.markdown();

        assertTrue(summary.contains(SweepReport.ADVICE_NOTE), summary);
        assertTrue(markdown.contains(SweepReport.ADVICE_NOTE), markdown);
        assertTrue(summary.indexOf(SweepReport.ADVICE_NOTE) < summary.indexOf("Reports written"),
                summary);
    }

    @Test
    void summary_advicePointsAtBothColumns() {
        assertTrue(SweepReport.ADVICE_NOTE.contains("date trigger on the old phase no later than"
                + " start_by_p10"), SweepReport.ADVICE_NOTE);
        assertTrue(SweepReport.ADVICE_NOTE.contains("users trigger at or below"
                + " users_trigger_p10"), SweepReport.ADVICE_NOTE);
    }

    @Test
    void summary_noStartByDay_noAdviceNote() {
        SweepReport report = report("not reached", "not reached");

        assertFalse(report.summary("out").contains(SweepReport.ADVICE_NOTE));
        assertFalse(report.markdown().contains(SweepReport.ADVICE_NOTE));
    }

    @Test
    void summary_seedsWithoutTime_pointsAtSingleRun() {
        SweepReport report = report("not reached", "not reached", 3);

        assertTrue(report.summary("out").contains(SweepReport.NO_TIME_NOTE));
        assertTrue(report.markdown().contains(SweepReport.NO_TIME_NOTE));
        assertFalse(report.summary("out").contains(SweepReport.ADVICE_NOTE));
    }

    @Test
    void summary_noSeedHadTime_noAdviceNote() {
        Table changes = Table.create("sweep-changes",
                StringColumn.create("change", "sheet -> dynamodb"),
                LongColumn.create("seeds", new long[] {2}),
                StringColumn.create("start_by_p10", "2024-10-24"),
                LongColumn.create("no_time_in", new long[] {2}),
                StringColumn.create("users_trigger_p10", "not reached"));
        SweepReport report = new SweepReport(HEADER, List.of(1L, 2L), List.of(changes),
                List.of());

        assertFalse(report.summary("out").contains(SweepReport.ADVICE_NOTE));
        assertTrue(report.summary("out").contains(SweepReport.NO_TIME_NOTE));
    }

    @Test
    void summary_allSeedsHadTime_noNote() {
        SweepReport report = report("2025-10-19", "98", 0);

        assertFalse(report.summary("out").contains(SweepReport.NO_TIME_NOTE));
        assertFalse(report.markdown().contains(SweepReport.NO_TIME_NOTE));
    }

    private static SweepReport report(String startBy, String usersTrigger) {
        return report(startBy, usersTrigger, 0);
    }

    private static SweepReport report(String startBy, String usersTrigger, long noTime) {
        Table changes = Table.create("sweep-changes",
                StringColumn.create("change", "sheet -> dynamodb"),
                StringColumn.create("start_by_p10", startBy),
                LongColumn.create("no_time_in", new long[] {noTime}),
                StringColumn.create("users_trigger_p10", usersTrigger));
        return new SweepReport(HEADER, List.of(1L, 2L), List.of(changes), List.of());
    }
}
