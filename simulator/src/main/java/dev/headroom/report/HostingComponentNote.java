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
        return "Each year's hosting is rounded to the cent as in the cost by year. The total"
                + " row splits the total hosting over the components by the largest remainder"
                + " method, as the hosting by phase splits a phase's hosting. Each cell is its"
                + " exact cost rounded down or up to the cent, chosen so that each year adds up"
                + " to its hosting and each component to its total. When no such choice exists,"
                + " each year's cents go first to the components whose printed years so far fall"
                + " furthest below their exact sums, and the total row adds up the printed years,"
                + " so a component's total can differ from its exact total by less than a cent"
                + " per year."
                + " `hosting-by-component.csv` holds the exact micro-dollars, whose"
                + " components add up to each year's hosting exactly, and `daily.csv` has each"
                + " day's components as `hosting:COMPONENT_micros` columns. A phase's instance"
                + " and node hours count from the start of the migration to it.";
    }
}
