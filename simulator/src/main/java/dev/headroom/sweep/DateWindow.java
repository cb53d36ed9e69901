package dev.headroom.sweep;

import java.time.LocalDate;

/**
 * The days on which a date trigger on the old phase starts the move in time.
 *
 * @param startBy the move's start_by_p10, or {@link SweepTables#NOT_REACHED}
 * @param lastDay the last such day, or null when the move has no start-by day
 * @param bound {@code lastDay} in words
 * @param laterTrigger the later phase's date trigger that sets {@code lastDay}, in words
 *     after " and", or an empty text
 */
record DateWindow(String startBy, LocalDate lastDay, String bound,
        String laterTrigger) {

    static DateWindow of(String startBy, LaterDate later) {
        String noLater = "no later than its start_by_p10 of " + startBy;
        if (startBy.equals(SweepTables.NOT_REACHED)) {
            return new DateWindow(startBy, null, noLater, "");
        }
        LocalDate lastDay = LocalDate.parse(startBy);
        if (later != null && !later.date().isAfter(lastDay)) {
            // A later phase's date trigger on or before the start-by day is the bound.
            return new DateWindow(startBy, later.date().minusDays(1), "before "
                    + later.date() + " (the date trigger of '" + later.phase() + "')",
                    " and the date trigger of '" + later.phase() + "'");
        }
        return new DateWindow(startBy, lastDay, noLater, "");
    }

    /** Returns whether some day of the window comes after {@code earliest}. */
    boolean fitsAfter(LocalDate earliest) {
        return lastDay != null && lastDay.isAfter(earliest);
    }
}
