package dev.headroom.report;

import dev.headroom.projection.DailyTable;
import dev.headroom.projection.Projections;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Builds the note that the summary and {@code report.md} print when a run paid for DAX nodes
 * under strongly consistent balance reads. DAX passes such reads through to the table, so the
 * nodes served none, whatever the value of {@code dynamodb.dax.hit_rate}, and the read units
 * are billed in full. Under eventually consistent reads a hit rate of 0 gets a note too, since
 * the nodes then serve no read either.
 */
public final class DaxNote {

    /** The daily column of the DAX cluster's node hours. */
    static final String NODES_COLUMN = DailyTable.HOSTING + "dax_nodes" + DailyTable.MICROS;

    private DaxNote() {
    }

    /**
     * Returns the note, or an empty list when no DAX node was billed or reads are eventual with
     * a hit rate above 0.
     */
    public static List<String> lines(ReportHeader header, Projections projections) {
        Table daily = projections.daily();
        if (!daily.columnNames().contains(NODES_COLUMN)) {
            return List.of();
        }
        boolean strong = "strong".equals(header.parameter("dynamodb.consistency"));
        String hitRate = header.parameter("dynamodb.dax.hit_rate");
        if (!strong && (hitRate == null || Double.parseDouble(hitRate) != 0)) {
            return List.of();
        }
        long micros = 0;
        for (long day : daily.longColumn(NODES_COLUMN).asLongArray()) {
            micros += day;
        }
        if (micros == 0) {
            return List.of();
        }
        if (!strong) {
            return List.of(String.format(Locale.ROOT, "Note: the DAX nodes cost %s and served no"
                    + " balance read, because dynamodb.dax.hit_rate is 0. Set it to the fraction"
                    + " of the eventually consistent reads that DAX serves, or remove the dax"
                    + " feature.", Cells.dollars(micros)));
        }
        return List.of(String.format(Locale.ROOT, "Note: the DAX nodes cost %s and served no"
                + " balance read. Balance reads are strongly consistent (dynamodb.consistency:"
                + " strong), and DAX passes such reads through to the table, so"
                + " dynamodb.dax.hit_rate has no effect. Under dynamodb.consistency: eventual"
                + " DAX serves that fraction of the reads, and each table read costs half a read"
                + " unit.", Cells.dollars(micros)));
    }
}
