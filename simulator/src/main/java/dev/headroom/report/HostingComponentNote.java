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
        return "Each component column is rounded to the cent as the cost by year is, so a"
                + " year's printed components can differ from its printed hosting by a few"
                + " cents. `hosting-by-component.csv` holds the exact micro-dollars, whose"
                + " components add up to each year's hosting exactly, and `daily.csv` has each"
                + " day's components as `hosting:COMPONENT_micros` columns. A phase's instance"
                + " and node hours count from the start of the migration to it.";
    }
}
