package dev.headroom.projection;

import dev.headroom.engine.SimTime;
import dev.headroom.plan.PhaseChange;
import dev.headroom.run.PhaseInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the phase-change table: one row per migration started, with the condition that
 * started it, when it started, the day by which it had to start, when it went live, the users
 * at its start, its development cost, the requests and sign-ups that failed while it was
 * under way, and the earlier rows that did not fit in the new backend when it went live.
 *
 * <p>A migration had to start by the old phase's first failure day less the new phase's lead
 * time, rounded up to whole days. A migration starts at midnight, at the end of its trigger's
 * day, so one started on that day goes live by midnight of the failure day. {@value #NO_FAILURE}
 * stands for an old phase that never failed a request or a sign-up. When the lead time reaches
 * back past the run's first day, the start-by day is the day before the run's first day.
 */
public final class PhaseChangeTable {

    /** The text of a migration that was not live when the run ended. */
    public static final String NOT_LIVE = "not live by the end";
    /** The start-by text of a migration whose old phase never failed. */
    public static final String NO_FAILURE = "-";
    /** The column of the earlier rows that the new phase's backend could not take. */
    public static final String ROWS_NOT_COPIED = "rows_not_copied";

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private PhaseChangeTable() {
    }

    /** Builds the table from the daily table, the plan's phases and the run's changes. */
    public static Table build(Table daily, List<PhaseInfo> phases, List<PhaseChange> changes,
            LocalDate startDate) {
        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        StringColumn reason = StringColumn.create("reason");
        StringColumn started = StringColumn.create("started");
        StringColumn startBy = StringColumn.create("start_by");
        StringColumn live = StringColumn.create("live");
        LongColumn usersAtStart = LongColumn.create("users_at_start");
        LongColumn development = LongColumn.create("development_cost_micros");
        LongColumn failedRequests = LongColumn.create("failed_requests_while_migrating");
        LongColumn failedSignUps = LongColumn.create("failed_sign_ups_while_migrating");
        LongColumn notCopied = LongColumn.create(ROWS_NOT_COPIED);

        for (PhaseChange change : changes) {
            String target = phases.get(change.to()).name();
            Table migrating = TableRows.where(daily,
                    daily.stringColumn("migrating_to").isEqualTo(target));

            String fromName = phases.get(change.from()).name();
            from.append(fromName);
            to.append(target);
            reason.append(change.reason());
            started.append(dateOf(startDate, change.startMillis()));
            startBy.append(firstFailure(daily, fromName)
                    .map(day -> startBy(day, change.leadTimeMillis(), startDate.toString()))
                    .orElse(NO_FAILURE));
            live.append(change.isLive() ? dateOf(startDate, change.liveMillis()) : NOT_LIVE);
            usersAtStart.append(change.usersAtStart());
            development.append(change.developmentCostMicros());
            failedRequests.append(CostTable.sum(migrating.longColumn("failed_requests")));
            failedSignUps.append(CostTable.sum(migrating.longColumn("failed_sign_ups")));
            notCopied.append(change.rowsNotCopied());
        }
        return Table.create("phase-changes", from, to, reason, started, startBy, live,
                usersAtStart, development, failedRequests, failedSignUps, notCopied);
    }

    /**
     * Returns the last day on which a migration with lead time {@code leadTimeMillis} could
     * start and go live before {@code firstFailureDay}, or the day before {@code runStartDay}
     * when that day falls earlier. All days are ISO-8601 dates. A lead time can be as long as
     * the longest horizon, 100 years, so without that bound the day could fall centuries
     * before the run, even before the year 1. Such a day adds nothing to the fact that the
     * migration had to start before the run began.
     *
     * <p>NOTE: a run that starts on 0001-01-01, the earliest start_date, still gets 0000-12-31.
     */
    public static String startBy(String firstFailureDay, long leadTimeMillis,
            String runStartDay) {
        long leadDays = (leadTimeMillis + DAY_MILLIS - 1) / DAY_MILLIS;
        LocalDate dayBeforeRun = LocalDate.parse(runStartDay).minusDays(1);
        LocalDate startBy = LocalDate.parse(firstFailureDay).minusDays(leadDays);
        return (startBy.isBefore(dayBeforeRun) ? dayBeforeRun : startBy).toString();
    }

    /** Returns whether {@code startBy}, a start-by day, lies before {@code runStartDay}. */
    public static boolean beforeRun(String startBy, String runStartDay) {
        return !startBy.equals(NO_FAILURE) && startBy.compareTo(runStartDay) < 0;
    }

    /**
     * Returns the first day whose end checks the triggers of a phase that began to serve on
     * {@code servedFrom}: that day, or the next one when the phase went live after midnight
     * because its lead time {@code leadTimeMillis} is not whole days.
     */
    public static String firstCheckedDay(String servedFrom, long leadTimeMillis) {
        long unchecked = leadTimeMillis % DAY_MILLIS == 0 ? 0 : 1;
        return LocalDate.parse(servedFrom).plusDays(unchecked).toString();
    }

    /**
     * Returns the row of {@code changes} that moved off {@code phase}, or -1 if none did. A plan
     * leaves each phase at most once.
     */
    public static int moveOff(Table changes, String phase) {
        for (int row = 0; row < changes.rowCount(); row++) {
            if (changes.stringColumn("from").get(row).equals(phase)) {
                return row;
            }
        }
        return -1;
    }

    /** Returns the first day on which phase {@code phase} failed a request or a sign-up. */
    private static Optional<String> firstFailure(Table daily, String phase) {
        for (int row = 0; row < daily.rowCount(); row++) {
            if (daily.stringColumn("phase").get(row).equals(phase)
                    && daily.longColumn("failed_requests").getLong(row)
                            + daily.longColumn("failed_sign_ups").getLong(row) > 0) {
                return Optional.of(daily.stringColumn("date").get(row));
            }
        }
        return Optional.empty();
    }

    private static String dateOf(LocalDate startDate, long millis) {
        return startDate.plusDays(SimTime.dayOf(millis)).toString();
    }
}
