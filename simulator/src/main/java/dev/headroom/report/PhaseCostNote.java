package dev.headroom.report;

import dev.headroom.projection.CapacityTable;
import dev.headroom.projection.PhaseCostTable;
import dev.headroom.projection.Projections;
import java.util.Locale;

/** The note under the cost by phase in the summary and {@code report.md}. */
final class PhaseCostNote {

    private PhaseCostNote() {
    }

    /**
     * Returns the note: which records a phase's row sums, what its last 30 days of hosting
     * measure, what its development cost is, and where the exact figures are.
     */
    static String text(Projections projections) {
        String unserved = hasUnservedPhase(projections) ? " A phase with " + CapacityTable.NONE
                + " as its first and last day had its migration started but served no day"
                + " before the run ended, and its row holds its development cost." : "";
        return String.format(Locale.ROOT, "Each phase sums the records of `daily.csv` whose `phase`"
                + " column names it. A phase that went live after midnight served part of its first"
                + " day, which has a record for each phase, so that day counts in the days_served"
                + " of both, each with the hosting and failures of its own part, and once in the"
                + " total. A new phase's instance and node hours count from the start of the"
                + " migration to it, so they fall on the old phase's days. hosting_last_30_days is"
                + " the hosting of the phase's last %d days served, or of all its days if it served"
                + " fewer. It is the phase's monthly run rate as it stopped serving, and for a"
                + " phase the plan moved off it includes those hours of the next phase."
                + " development_cost is the cost of building the phase: the first phase's on day 0,"
                + " and each later one's as `phase-changes.csv` charges the migration into it.%s"
                + " Money is rounded to the cent as the cost by year is. `%s.csv` holds the exact"
                + " micro-dollars, whose totals equal the cost by year's.",
                PhaseCostTable.RUN_RATE_DAYS, unserved, PhaseCostTable.NAME);
    }

    private static boolean hasUnservedPhase(Projections projections) {
        return projections.phaseCosts().stringColumn("first_day").isIn(CapacityTable.NONE)
                .size() > 0;
    }
}
