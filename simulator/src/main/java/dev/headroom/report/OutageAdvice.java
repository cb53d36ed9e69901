package dev.headroom.report;

import dev.headroom.projection.DailyTable;
import dev.headroom.projection.PhaseChangeTable;
import dev.headroom.projection.Projections;
import dev.headroom.run.PhaseInfo;
import dev.headroom.scenario.Formats;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The sentence of each outage warning that names the change to the plan that would have ended
 * the outage sooner. It depends on the triggers the phase has, on the day its migration
 * started, on what failed and on the lead time of the move off the phase. A failure trigger is
 * suggested only when a migration that it started could have gone live before the phase last
 * failed calls, and only for the kind of call that failed.
 */
final class OutageAdvice {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private OutageAdvice() {
    }

    /**
     * Returns the advice for the phase that serves at the end of the run, which failed calls
     * from {@code firstFailure} on and never started a migration off it.
     */
    static String stalled(Projections projections, String phase, String firstFailure) {
        Optional<PhaseInfo> next = StartByAdvice.nextPhase(projections, phase);
        if (next.isEmpty()) {
            return "Add a later phase to move to when calls fail.";
        }
        String lastDay = lastDay(projections);
        String triggered = failureTriggerDay(projections, phase, firstFailure);
        if (triggered.compareTo(lastDay) > 0) {
            return "Calls first failed on the run's last day, whose triggers are not checked, so"
                    + " no trigger could start a migration within the run: run longer to see"
                    + " its effect.";
        }
        if (!liveBefore(triggered, next.get().leadTimeMillis(), endOfDay(lastDay))) {
            return String.format(Locale.ROOT, "A migration that a failure trigger"
                    + " started on %s could not go live, after its %s lead time, before the run"
                    + " ended, so within this run no failure trigger ends the outage sooner: run"
                    + " longer to see its effect, or start the migration before calls fail.",
                    triggered, leadTime(next.get()));
        }
        String triggers = FailedCalls.of(projections.daily(), phase, firstFailure, lastDay)
                .before(latestLiveStart(next.get(), endOfDay(lastDay))).triggers();
        if (hasFailureTrigger(projections, phase)) {
            return "Its failure trigger never held on a day whose triggers were checked, but "
                    + triggers + " would.";
        }
        return "Add " + triggers + " to move on when calls fail.";
    }

    /**
     * Returns the advice for an outage of {@code phase} while its migration was under way. A
     * trigger that fires earlier is named only when a migration started on the first day a
     * trigger could start it would have gone live before the phase last failed calls.
     */
    static String underWay(Projections projections, String phase) {
        Table changes = projections.changes();
        int row = PhaseChangeTable.moveOff(changes, phase);
        String earliest = StartByAdvice.earliestStart(projections, phase);
        if (row >= 0 && changes.stringColumn("started").get(row).compareTo(earliest) <= 0) {
            return "The migration was already under way and started on the first day a trigger"
                    + " on this phase could start it, so only a shorter lead time ends the phase's"
                    + " failures sooner.";
        }
        Optional<String> tooLate = tooLateForAnyTrigger(projections, phase);
        if (tooLate.isPresent()) {
            return "The migration was already under way. " + tooLate.get();
        }
        return "The migration was already under way, so only a trigger that fires earlier or a"
                + " shorter lead time ends the phase's failures sooner.";
    }

    /**
     * Returns the advice for an outage of {@code phase} from {@code firstFailure} to
     * {@code lastFailure}, before any migration off it started.
     */
    static String beforeMigration(Projections projections, String phase, String firstFailure,
            String lastFailure) {
        Table changes = projections.changes();
        int row = PhaseChangeTable.moveOff(changes, phase);
        String started = row < 0 ? "" : changes.stringColumn("started").get(row);
        String reason = row < 0 ? "" : changes.stringColumn("reason").get(row);
        if (row >= 0 && started.compareTo(StartByAdvice.earliestStart(projections, phase)) <= 0) {
            return "The migration started on the first day a trigger on this phase could start"
                    + " it, so no trigger on it ends the phase's failures sooner.";
        }
        Optional<String> tooLate = tooLateForAnyTrigger(projections, phase);
        if (tooLate.isPresent()) {
            return tooLate.get();
        }
        // A migration that started the day after the first failure could not have started
        // sooner with a lower threshold, so this case comes before the failure trigger's.
        String dayAfterFailure = LocalDate.parse(firstFailure).plusDays(1).toString();
        if (row >= 0 && started.compareTo(dayAfterFailure) <= 0) {
            return "The migration started the day after calls first failed, as early as a"
                    + " failure trigger could have started it, so only a trigger that fires"
                    + " before calls fail, such as a users or date trigger, ends the phase's"
                    + " failures sooner.";
        }
        if (reason.startsWith("failed_requests_per_day")
                || reason.startsWith("failed_sign_ups_per_day")) {
            return ownTriggerAdvice(projections, phase, firstFailure, lastFailure, started);
        }
        return failureTriggerAdvice(projections, phase, firstFailure, lastFailure);
    }

    /**
     * Returns the sentence for a phase whose failures no trigger could end sooner. That is so
     * when a migration started on the first day a trigger could start one goes live after the
     * phase last failed calls. Empty when such a migration goes live in time.
     */
    private static Optional<String> tooLateForAnyTrigger(Projections projections, String phase) {
        Optional<PhaseInfo> next = StartByAdvice.nextPhase(projections, phase);
        String earliest = StartByAdvice.earliestStart(projections, phase);
        String lastFailure = lastFailure(projections.outages(), phase);
        long failuresEnd = failuresEnd(projections, phase);
        if (next.isEmpty() || liveBefore(earliest, next.get().leadTimeMillis(), failuresEnd)) {
            return Optional.empty();
        }
        if (!liveBefore(earliest, 0, failuresEnd)) {
            return Optional.of(String.format(Locale.ROOT, "The phase last failed calls on %s,"
                    + " before %s, the first day a trigger on it could start a migration, so no"
                    + " trigger on it, and no lead time of the move off it, ends its failures"
                    + " sooner.", lastFailure, earliest));
        }
        return Optional.of(String.format(Locale.ROOT, "A migration started on %s, the first day"
                + " a trigger on this phase could start it, would go live after its %s lead"
                + " time, later than the phase last failed calls, so no trigger on it ends the"
                + " phase's failures sooner unless the lead time is shorter too.", earliest,
                leadTime(next.get())));
    }

    /**
     * Returns the advice when the phase's own failure trigger started the migration on
     * {@code started}, naming the failure triggers of either kind that would have held sooner.
     * They are named only when their migration goes live before the phase last failed calls.
     */
    private static String ownTriggerAdvice(Projections projections, String phase,
            String firstFailure, String lastFailure, String started) {
        Optional<PhaseInfo> next = StartByAdvice.nextPhase(projections, phase);
        FailedCalls sooner = soonerFailures(projections, phase, firstFailure, lastFailure);
        if (!sooner.firstDay().isEmpty() && next.isPresent()
                && liveBefore(failureTriggerDay(projections, phase, sooner.firstDay()),
                        next.get().leadTimeMillis(), failuresEnd(projections, phase))) {
            return "The phase's own failure trigger started the migration on " + started
                    + ", but " + sooner.triggers() + " would have started it sooner, and so"
                    + " would a trigger that fires before calls fail, such as a users or date"
                    + " trigger. Each of these ends the phase's failures sooner.";
        }
        return "The phase's own failure trigger started the migration, and no failure trigger"
                + " that held sooner would have gone live before calls last failed, so only a"
                + " trigger that fires before calls fail, such as a users or date trigger, ends"
                + " the phase's failures sooner.";
    }

    /**
     * Returns whether a failure trigger would have ended the outage sooner, and which one: only
     * when its migration goes live before the phase last failed calls.
     */
    private static String failureTriggerAdvice(Projections projections, String phase,
            String firstFailure, String lastFailure) {
        String triggered = failureTriggerDay(projections, phase, firstFailure);
        Optional<PhaseInfo> next = StartByAdvice.nextPhase(projections, phase);
        if (next.isPresent() && !liveBefore(triggered, next.get().leadTimeMillis(),
                failuresEnd(projections, phase))) {
            boolean runEnded = lastFailure(projections.outages(), phase)
                    .equals(lastDay(projections));
            return String.format(Locale.ROOT, "%s before a migration started by a"
                    + " failure trigger on %s could go live after its %s lead time, so no failure"
                    + " trigger ends the phase's failures sooner%s.",
                    runEnded ? "The run ended" : "Calls stopped failing", triggered,
                    leadTime(next.get()), runEnded ? " within the run" : "");
        }
        String triggers = soonerFailures(projections, phase, firstFailure, lastFailure)
                .triggers();
        if (hasFailureTrigger(projections, phase)) {
            return "The phase's own failure trigger never held before the migration started, but "
                    + triggers + " would have held and ended the phase's failures sooner.";
        }
        return "Adding " + triggers + " ends the phase's failures sooner, because a failure"
                + " trigger starts the migration once a day fails more calls than its threshold.";
    }

    /**
     * Returns the failures of {@code phase} from {@code firstFailure} to {@code lastFailure}
     * whose kind of failure trigger would have started the migration before its recorded start,
     * early enough to go live before the phase last failed calls.
     */
    private static FailedCalls soonerFailures(Projections projections, String phase,
            String firstFailure, String lastFailure) {
        FailedCalls failed = FailedCalls.of(projections.daily(), phase, firstFailure,
                lastFailure);
        int row = PhaseChangeTable.moveOff(projections.changes(), phase);
        if (row >= 0) {
            String started = projections.changes().stringColumn("started").get(row);
            failed = failed.before(LocalDate.parse(started).minusDays(1).toString());
        }
        Optional<PhaseInfo> next = StartByAdvice.nextPhase(projections, phase);
        if (next.isPresent()) {
            failed = failed.before(latestLiveStart(next.get(), failuresEnd(projections, phase)));
        }
        return failed;
    }

    /**
     * Returns the first day a failure trigger could start the migration off {@code phase},
     * given its first failure on {@code firstFailure}.
     */
    private static String failureTriggerDay(Projections projections, String phase,
            String firstFailure) {
        String earliest = StartByAdvice.earliestStart(projections, phase);
        String dayAfterFailure = LocalDate.parse(firstFailure).plusDays(1).toString();
        return dayAfterFailure.compareTo(earliest) < 0 ? earliest : dayAfterFailure;
    }

    /**
     * Returns the last day on which a migration to {@code next} can start and still go live
     * before {@code deadline}, by the rule of {@link #liveBefore}.
     */
    private static String latestLiveStart(PhaseInfo next, long deadline) {
        long day = Math.floorDiv(deadline - next.leadTimeMillis() - 1, DAY_MILLIS);
        return LocalDate.ofEpochDay(day).toString();
    }

    private static boolean hasFailureTrigger(Projections projections, String phase) {
        return projections.phases().stream()
                .anyMatch(info -> info.name().equals(phase) && info.failureTrigger());
    }

    /** Returns the last day on which {@code phase} failed calls, by its outages. */
    private static String lastFailure(Table outages, String phase) {
        int row = lastFailureRow(outages, phase);
        return row < 0 ? "" : outages.stringColumn("last_failure").get(row);
    }

    /**
     * Returns the outage row of {@code phase} with the latest last failure, or -1 if the phase
     * failed no call.
     */
    private static int lastFailureRow(Table outages, String phase) {
        int latest = -1;
        String last = "";
        for (int row = 0; row < outages.rowCount(); row++) {
            String day = outages.stringColumn("last_failure").get(row);
            if (outages.stringColumn("phase").get(row).equals(phase) && day.compareTo(last) > 0) {
                latest = row;
                last = day;
            }
        }
        return latest;
    }

    /**
     * Returns when the phase's failures ended, in milliseconds since the epoch: at its last
     * failed call, or at the run's end if it still failed calls on the run's last day. A move
     * that goes live before then prevents some of its failures.
     */
    private static long failuresEnd(Projections projections, String phase) {
        Table outages = projections.outages();
        int row = lastFailureRow(outages, phase);
        String last = outages.stringColumn("last_failure").get(row);
        if (last.equals(lastDay(projections))) {
            return endOfDay(last);
        }
        String time = outages.stringColumn(DailyTable.LAST_FAILURE_TIME).get(row);
        return LocalDate.parse(last).toEpochDay() * DAY_MILLIS
                + LocalTime.parse(time).toNanoOfDay() / 1_000_000;
    }

    /** Returns the end of {@code day}, in milliseconds since the epoch. */
    private static long endOfDay(String day) {
        return LocalDate.parse(day).plusDays(1).toEpochDay() * DAY_MILLIS;
    }

    /**
     * Returns whether a migration that starts when {@code startDay} begins and takes
     * {@code leadTimeMillis} goes live before {@code deadline}, in milliseconds since the epoch.
     */
    private static boolean liveBefore(String startDay, long leadTimeMillis, long deadline) {
        long start = LocalDate.parse(startDay).toEpochDay() * DAY_MILLIS;
        return start + leadTimeMillis < deadline;
    }

    private static String lastDay(Projections projections) {
        Table daily = projections.daily();
        return daily.stringColumn("date").get(daily.rowCount() - 1);
    }

    private static String leadTime(PhaseInfo next) {
        return Formats.duration(Duration.ofMillis(next.leadTimeMillis()));
    }
}
