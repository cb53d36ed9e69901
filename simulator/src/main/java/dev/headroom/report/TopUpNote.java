package dev.headroom.report;

import dev.headroom.projection.Projections;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Builds the line that the summary and {@code report.md} print about top-ups, the credit users
 * bought after signing up. It gives the purchases the ledger stored and the credit they bought,
 * so that runs of different credit policies can be compared, and the attempts that failed to
 * store. Initial credit bought at sign-up is not a top-up.
 */
public final class TopUpNote {

    private TopUpNote() {
    }

    /** Returns one line, or none when the run had no top-up and no failed attempt. */
    public static List<String> lines(Projections projections) {
        Table daily = projections.daily();
        long bought = DailyTotals.sum(daily, "top_ups");
        long failed = DailyTotals.sum(daily, "failed_top_ups");
        if (bought + failed == 0) {
            return List.of();
        }
        String line = String.format(Locale.ROOT, "Top-ups: %s stored, %s of credit bought in"
                + " all.", Cells.count(bought, "purchase"),
                Cells.dollars(DailyTotals.sum(daily, "top_up_micros")));
        if (failed > 0) {
            line += " " + Cells.count(failed, "attempt") + " failed to store and bought nothing;"
                    + " a later request buys again while the balance still calls for a top-up.";
        }
        return List.of(line);
    }
}
