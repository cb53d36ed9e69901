package dev.headroom.projection;

import dev.headroom.engine.SimTime;
import dev.headroom.plan.PhaseChange;
import dev.headroom.run.PhaseInfo;
import java.time.LocalDate;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the phase-change table: one row per migration started, with the condition that
 * started it, when it started and went live, the users at both dates, its development cost,
 * and the requests and sign-ups that failed while it was under way.
 */
public final class PhaseChangeTable {

    /** The text of a migration that was not live when the run ended. */
    public static final String NOT_LIVE = "not live by the end";

    private PhaseChangeTable() {
    }

    /** Builds the table from the daily table, the plan's phases and the run's changes. */
    public static Table build(Table daily, List<PhaseInfo> phases, List<PhaseChange> changes,
            LocalDate startDate) {
        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        StringColumn reason = StringColumn.create("reason");
        StringColumn started = StringColumn.create("started");
        StringColumn live = StringColumn.create("live");
        LongColumn usersAtStart = LongColumn.create("users_at_start");
        LongColumn development = LongColumn.create("development_cost_micros");
        LongColumn failedRequests = LongColumn.create("failed_requests_while_migrating");
        LongColumn failedSignUps = LongColumn.create("failed_sign_ups_while_migrating");

        for (PhaseChange change : changes) {
            String target = phases.get(change.to()).name();
            Table migrating = daily.where(daily.stringColumn("migrating_to").isEqualTo(target));

            from.append(phases.get(change.from()).name());
            to.append(target);
            reason.append(change.reason());
            started.append(dateOf(startDate, change.startMillis()));
            live.append(change.isLive() ? dateOf(startDate, change.liveMillis()) : NOT_LIVE);
            usersAtStart.append(change.usersAtStart());
            development.append(change.developmentCostMicros());
            failedRequests.append(CostTable.sum(migrating.longColumn("failed_requests")));
            failedSignUps.append(CostTable.sum(migrating.longColumn("failed_sign_ups")));
        }
        return Table.create("phase-changes", from, to, reason, started, live, usersAtStart,
                development, failedRequests, failedSignUps);
    }

    private static String dateOf(LocalDate startDate, long millis) {
        return startDate.plusDays(SimTime.dayOf(millis)).toString();
    }
}
