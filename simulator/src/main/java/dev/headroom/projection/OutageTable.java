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
 * means the plan's trigger had not fired, or the phase was the last one. A phase that went live
 * on the last failure's day prevented some failures only if it went live before that time.
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
        StringColumn lastTime = StringColumn.create(DailyTable.LAST_FAILURE_TIME);
        LongColumn failedRequests = LongColumn.create("failed_requests");
        LongColumn failedSignUps = LongColumn.create("failed_sign_ups");

        Map<String, long[]> groups = new LinkedHashMap<>();
        // The first date, the last date and the time of the last failure on that date.
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
            String[] span = dates.computeIfAbsent(key, k -> new String[] {date, date, ""});
            span[1] = date;
            span[2] = daily.stringColumn(DailyTable.LAST_FAILURE_TIME).get(row);
        }

        groups.forEach((key, counts) -> {
            String[] parts = key.split("\n", 2);
            phase.append(parts[0]);
            situation.append(parts[1]);
            first.append(dates.get(key)[0]);
            last.append(dates.get(key)[1]);
            lastTime.append(dates.get(key)[2]);
            failedRequests.append(counts[0]);
            failedSignUps.append(counts[1]);
        });
        return Table.create("outages", phase, situation, first, last, lastTime, failedRequests,
                failedSignUps);
    }
}
