package dev.headroom.report;

import dev.headroom.projection.PhaseChangeTable;
import dev.headroom.projection.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Builds the warning for a migration whose new backend could not take every earlier row. The
 * rows left behind are missing from the new phase's ledger: a balance summed from the rows
 * leaves them out, and a user whose running-balance row did not fit has no balance row.
 */
final class RowsNotCopiedWarning {

    private RowsNotCopiedWarning() {
    }

    /** Returns one warning per phase change with rows not copied, in the order they went live. */
    static List<String> lines(Projections projections) {
        Table changes = projections.changes();
        List<String> warnings = new ArrayList<>();
        for (int row = 0; row < changes.rowCount(); row++) {
            long rows = changes.longColumn(PhaseChangeTable.ROWS_NOT_COPIED).getLong(row);
            if (rows == 0) {
                continue;
            }
            String phase = changes.stringColumn("to").get(row);
            warnings.add(String.format(Locale.ROOT, "Warning: phase '%s' went live on %s"
                    + " without %s, which did not fit under its limit, so its ledger lacks them"
                    + " and the balances of their users can be wrong. %s", phase,
                    changes.stringColumn("live").get(row), Cells.count(rows, "earlier row"),
                    advice(projections, phase)));
        }
        return warnings;
    }

    /** Returns what to change, from the backend of {@code phase} in the capacity table. */
    private static String advice(Projections projections, String phase) {
        Table capacity = projections.capacity();
        for (int row = 0; row < capacity.rowCount(); row++) {
            if (capacity.stringColumn("phase").get(row).equals(phase)
                    && capacity.stringColumn("backend").get(row).startsWith("postgres")) {
                return "Raise postgres.allocated_storage_gb so that every row fits.";
            }
        }
        return "The shared log is one tab under sheets.cells_per_workbook, so move to a backend"
                + " with room for every row, or move before the rows outgrow it.";
    }
}
