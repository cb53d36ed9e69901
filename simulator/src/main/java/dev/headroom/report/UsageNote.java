package dev.headroom.report;

import dev.headroom.ledger.Money;
import dev.headroom.projection.Projections;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Builds the line that the summary and {@code report.md} print about the usage users paid for:
 * the billed requests, their mean tokens in and out, and their mean and total cost. It shows
 * that the workload's token sizes and prices reached the run.
 */
public final class UsageNote {

    private UsageNote() {
    }

    /**
     * Returns one line, or none when the run had no request. When requests came but none was
     * billed, the line gives how many were rejected for credit, failed or still in flight at the
     * end, so that such a run does not look like one that served every request.
     */
    public static List<String> lines(Projections projections) {
        Table daily = projections.daily();
        long requests = DailyTotals.sum(daily, "billed_requests");
        if (requests == 0) {
            return noneBilled(daily);
        }
        long billedMicros = DailyTotals.sum(daily, "billed_usage_micros");
        BigDecimal dollars = Money.dollars(billedMicros);
        BigDecimal perRequest = dollars.divide(BigDecimal.valueOf(requests), 6,
                RoundingMode.HALF_UP);
        return List.of(String.format(Locale.ROOT, "Billed usage: %s whose cost the"
                + " ledger stored, %,.1f tokens in and %,.1f tokens out each on average, $%,.6f a"
                + " request and %s in all.", Cells.count(requests, "request"),
                (double) DailyTotals.sum(daily, "billed_tokens_in") / requests,
                (double) DailyTotals.sum(daily, "billed_tokens_out") / requests,
                perRequest,
                Cells.dollars(billedMicros)));
    }

    /**
     * Returns the line for a run that billed no request. With none billed, each request was
     * rejected for credit, failed, or was admitted and still in flight when the run ended.
     */
    private static List<String> noneBilled(Table daily) {
        long offered = DailyTotals.sum(daily, "requests");
        if (offered == 0) {
            return List.of();
        }
        long rejected = DailyTotals.sum(daily, "rejected_for_credit");
        long failed = DailyTotals.sum(daily, "failed_requests");
        String line = String.format(Locale.ROOT, "Billed usage: the ledger stored the cost of"
                + " none of the run's %s. Of them, %,d %s rejected for credit and %,d failed, as"
                + " daily.csv shows by day.", Cells.count(offered, "request"), rejected,
                rejected == 1 ? "was" : "were", failed);
        long inFlight = offered - rejected - failed;
        if (inFlight > 0) {
            line += String.format(Locale.ROOT, " The other %,d %s still in flight when the run"
                    + " ended, so their cost was never logged.", inFlight,
                    inFlight == 1 ? "was" : "were");
        }
        return List.of(line);
    }
}
