package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.projection.Projections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PhaseHostingNoteTest {

    @Test
    void lines_namesTwoLargestAndSumsTheRest() {
        // ddb: $0.50 + $3.00 + $0.004 + $0.996 = $4.50. dax: $0.005 + $10.00 + $0.001 =
        // $10.006. Each phase prints its hosting as the cost by phase does, $4.50 and $10.01
        // (14.506 -> 14.51 less 4.504 -> 4.50). Its rows are rounded down and the missing cents
        // go to the largest remainders: ddb's $0.996 and dax's $0.005.
        Table table = Table.create("phase-hosting-by-component",
                StringColumn.create("phase", "ddb", "ddb", "ddb", "ddb", "dax", "dax", "dax",
                        "total"),
                StringColumn.create("component", "writes", "reads", "storage", "dax_nodes",
                        "writes", "dax_nodes", "storage", ""),
                LongColumn.create("hosting_cost_micros", 500_000, 3_000_000, 4_000, 996_000,
                        5_000, 10_000_000, 1_000, 14_506_000));

        List<String> lines = PhaseHostingNote.lines(projections(table));

        assertEquals(List.of(
                "Hosting of ddb, $4.50: reads $3.00 (67%), dax_nodes $1.00 (22%) and 2 other"
                        + " components $0.50 (11%).",
                "Hosting of dax, $10.01: dax_nodes $10.00 (>99%), writes $0.01 (<1%) and 1"
                        + " other component $0.00 (<1%). `phase-hosting-by-component.csv` has"
                        + " every component of every phase."), lines);
    }

    @Test
    void lines_componentsKeepOwnRounding() {
        // a: $0.004, printed $0.00. b: $0.0015 + $0.008 = $0.0095, printed $0.01 (0.0135 ->
        // 0.01 less 0.004 -> 0.00). Its parts round on their own to $0.00 and $0.01, which add
        // up to it. Rounded on the running total instead, reads would take the cent
        // (0.0055 -> 0.01) and writes none.
        Table table = Table.create("phase-hosting-by-component",
                StringColumn.create("phase", "a", "b", "b", "total"),
                StringColumn.create("component", "storage", "reads", "writes", ""),
                LongColumn.create("hosting_cost_micros", 4_000, 1_500, 8_000, 13_500));

        Table printed = PhaseHostingCents.rounded(table);
        List<String> lines = PhaseHostingNote.lines(projections(table));

        assertEquals(List.of(0L, 0L, 10_000L, 10_000L),
                printed.longColumn("hosting_cost_micros").asList());
        assertEquals("Hosting of b, $0.01: writes $0.01 (84%) and reads $0.00 (16%)."
                + " `phase-hosting-by-component.csv` has every component of every phase.",
                lines.get(1));
    }

    @Test
    void rounded_missingCentsGoToLargestRemainders() {
        // One phase of $0.0049 + $0.0048 + $0.0003 = $0.01. Each part rounds down to $0.00 on
        // its own, so one must print $0.01: the one with the largest remainder.
        Table table = Table.create("phase-hosting-by-component",
                StringColumn.create("phase", "a", "a", "a", "total"),
                StringColumn.create("component", "reads", "writes", "storage", ""),
                LongColumn.create("hosting_cost_micros", 4_900, 4_800, 300, 10_000));

        Table printed = PhaseHostingCents.rounded(table);

        assertEquals(List.of(10_000L, 0L, 0L, 10_000L),
                printed.longColumn("hosting_cost_micros").asList());
    }

    @Test
    void lines_freeRun_hasNone() {
        Table table = totalRowOnly();

        assertEquals(List.of(), PhaseHostingNote.lines(projections(table)));
        assertEquals("No phase had a hosting cost: the Google Sheets API is free of charge.",
                PhaseHostingNote.text(projections(table)));
    }

    @Test
    void text_freeDynamoDbRun_omitsSheetsReason() {
        // A DynamoDB phase with no request and its storage under the free tier costs nothing,
        // but its components still have columns by year.
        Table phaseHosting = totalRowOnly();
        Table byYear = Table.create("hosting-by-component",
                StringColumn.create("year", "1", "total"),
                LongColumn.create("hosting_cost_micros", 0, 0),
                LongColumn.create("dynamodb_storage_micros", 0, 0));

        assertEquals("No phase had a hosting cost.",
                PhaseHostingNote.text(projections(byYear, phaseHosting)));
    }

    @Test
    void percents_addUpToHundred() {
        assertArrayEquals(new String[] {"34%", "33%", "33%"},
                PhaseHostingNote.percents(new long[] {1, 1, 1}, 3));
        assertArrayEquals(new String[] {"67%", "33%"},
                PhaseHostingNote.percents(new long[] {2, 1}, 3));
        assertArrayEquals(new String[] {"50%", "25%", "25%"},
                PhaseHostingNote.percents(new long[] {2, 1, 1}, 4));
    }

    @Test
    void percents_smallPartShowsUnderOne() {
        assertArrayEquals(new String[] {">99%", "<1%", "0%"},
                PhaseHostingNote.percents(new long[] {996, 4, 0}, 1_000));
        assertArrayEquals(new String[] {"100%", "0%"},
                PhaseHostingNote.percents(new long[] {1_000, 0}, 1_000));
        assertArrayEquals(new String[] {"99%", "1%"},
                PhaseHostingNote.percents(new long[] {994, 6}, 1_000));
    }

    @Test
    void percents_partsNearLongMax() {
        // A valid scenario can bill trillions of dollars, where a part in micro-dollars times
        // 100 no longer fits in a long.
        long third = Long.MAX_VALUE / 3;
        assertArrayEquals(new String[] {"67%", "33%"},
                PhaseHostingNote.percents(new long[] {2 * third, third}, 3 * third));
    }

    /** Returns the table of a run in which no phase paid for hosting: its zero total row. */
    private static Table totalRowOnly() {
        return Table.create("phase-hosting-by-component",
                StringColumn.create("phase", "total"),
                StringColumn.create("component", ""),
                LongColumn.create("hosting_cost_micros", new long[] {0}));
    }

    private static Projections projections(Table phaseHosting) {
        return projections(Table.create("hosting-by-component"), phaseHosting);
    }

    private static Projections projections(Table hostingByYear, Table phaseHosting) {
        return new Projections(Table.create("daily"), Table.create("limits"),
                Table.create("capacity"), Table.create("costs"), hostingByYear,
                Table.create("phase-costs"), phaseHosting, Table.create("changes"),
                Table.create("outages"), List.of());
    }
}
