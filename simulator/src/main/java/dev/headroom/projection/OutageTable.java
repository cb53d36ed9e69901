package dev.headroom.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the outage table: the requests and sign-ups that failed because a limit bound, grouped
 * by the phase that served and by whether a migration was under way. A failure while migrating
 * means the limit bound before the new phase was live; a failure with no migration under way
 * means the plan's trigger had not fired, or the phase was the last one.
 */
public final class OutageTable {

    /** The situation text when no migration was under way. */
    public static final String NO_MIGRATION = "no migration under way";

    private OutageTable() {
    }

    /** Builds the table from the daily table; it has no rows when nothing failed. */
    public static Table build(Table daily) {
        StringColumn phase = StringColumn.create("phase");
        StringColumn situation = StringColumn.create("situation");
        StringColumn first = StringColumn.create("first_failure");
        StringColumn last = StringColumn.create("last_failure");
        LongColumn failedRequests = LongColumn.create("failed_requests");
        LongColumn failedSignUps = LongColumn.create("failed_sign_ups");

        Map<String, long[]> groups = new LinkedHashMap<>();
        Map<String, String[]> dates = new LinkedHashMap<>();
        for (int row = 0; row < daily.rowCount(); row++) {
            long requests = daily.longColumn("failed_requests").getLong(row);
            long signUps = daily.longColumn("failed_sign_ups").getLong(row);
            if (requests == 0 && signUps == 0) {
                continue;
            }
            String migratingTo = daily.stringColumn("migrating_to").get(row);
            String key = daily.stringColumn("phase").get(row) + "\n"
                    + (migratingTo.isEmpty() ? NO_MIGRATION : "migrating to " + migratingTo);
            String date = daily.stringColumn("date").get(row);
            long[] counts = groups.computeIfAbsent(key, k -> new long[2]);
            counts[0] += requests;
            counts[1] += signUps;
            dates.computeIfAbsent(key, k -> new String[] {date, date})[1] = date;
        }

        groups.forEach((key, counts) -> {
            String[] parts = key.split("\n", 2);
            phase.append(parts[0]);
            situation.append(parts[1]);
            first.append(dates.get(key)[0]);
            last.append(dates.get(key)[1]);
            failedRequests.append(counts[0]);
            failedSignUps.append(counts[1]);
        });
        return Table.create("outages", phase, situation, first, last, failedRequests,
                failedSignUps);
    }
}
