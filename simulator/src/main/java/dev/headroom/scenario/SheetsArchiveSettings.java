package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * The job that moves old rows out of the users' tabs into archive workbooks, used by the
 * tab-per-user Sheets phases that list the {@code archive} feature.
 *
 * @param keep rows younger than this stay in the user's tab
 * @param every time between two runs of the job
 * @param startsAt time of day at which a run starts, as a duration after midnight
 * @param cellLimit cells of one archive workbook, counted over every tab's grid
 * @param costPerRunMicros cost of one run in micro-dollars; zero when the scenario gives none
 */
public record SheetsArchiveSettings(
        Duration keep, Duration every, Duration startsAt, long cellLimit,
        long costPerRunMicros) {

    public SheetsArchiveSettings {
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
