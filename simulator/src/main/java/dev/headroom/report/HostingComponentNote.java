package dev.headroom.report;

import dev.headroom.projection.Projections;

/** The note under the hosting cost by component in {@code report.md}. */
final class HostingComponentNote {

    private HostingComponentNote() {
    }

    /** Returns the note: what the columns are, how they are rounded and where the days are. */
    static String text(Projections projections) {
        // The year and hosting columns come first, and every later column is one component.
        if (projections.hostingByComponent().columnCount() <= 2) {
            return "No phase had a hosting cost: the Google Sheets API is free of charge.";
        }
        return "Each year's hosting is rounded to the cent as in the cost by year, and its"
                + " components to cents that add up to it: each rounded down, then a cent more"
                + " for those whose printed years so far fall furthest below their exact sums."
                + " The total row adds up the printed years, so a component's total can differ"
                + " from its exact total by less than a cent per year."
                + " `hosting-by-component.csv` holds the exact micro-dollars, whose"
                + " components add up to each year's hosting exactly, and `daily.csv` has each"
                + " day's components as `hosting:COMPONENT_micros` columns. A phase's instance"
                + " and node hours count from the start of the migration to it.";
    }
}
