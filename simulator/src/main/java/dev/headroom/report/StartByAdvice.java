package dev.headroom.report;

import dev.headroom.projection.PhaseChangeTable;
import dev.headroom.projection.Projections;
import dev.headroom.run.PhaseInfo;
import dev.headroom.scenario.Formats;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The sentences of the outage warnings that give the day by which a migration had to start to
 * go live before its old phase first failed, by the rule of {@link PhaseChangeTable#startBy}.
 * A trigger is checked when a day ends. So when that day is no later than the first day whose
 * end checked the phase's triggers, no trigger on the phase could have started the migration in
 * time, and the sentence names what to change instead.
 */
final class StartByAdvice {

    private StartByAdvice() {
    }

    /**
     * Returns a sentence that gives the day by which the migration off {@code phase} had to
     * start to go live before the phase first failed, when it started later; otherwise empty.
     */
    static String afterLateStart(Projections projections, String phase) {
        Table changes = projections.changes();
        int row = PhaseChangeTable.moveOff(changes, phase);
        if (row < 0) {
            return "";
        }
        String startBy = changes.stringColumn("start_by").get(row);
        String started = changes.stringColumn("started").get(row);
        if (startBy.equals(PhaseChangeTable.NO_FAILURE) || started.compareTo(startBy) <= 0) {
            return "";
        }
        return deadline(projections, phase, changes.stringColumn("to").get(row), startBy,
                "; it started on " + started + ".");
    }

    /**
     * Returns the sentence that the migration off {@code phase} to {@code target} had to start
     * by {@code startBy}, ending with {@code ending}. When that day is no later than the first
     * day whose end checked the phase's triggers, the sentence states instead that no trigger on
     * the phase could have been in time.
     */
    private static String deadline(Projections projections, String phase, String target,
            String startBy, String ending) {
        String runStart = runStart(projections);
        boolean beforeRun = PhaseChangeTable.beforeRun(startBy, runStart);
        String leadTime = Formats.duration(Duration.ofMillis(leadTimeMillis(projections, target)));
        String deadline = beforeRun
                ? String.format(Locale.ROOT, " To go live before this phase first failed, the"
                        + " migration to %s had to start before the run began on %s, because its"
                        + " %s lead time is longer than the days from then to that failure",
                        target, runStart, leadTime)
                : String.format(Locale.ROOT, " To go live before this phase first"
                        + " failed, the migration to %s had to start by %s", target, startBy);
        Optional<String> wentLive = wentLive(projections.changes(), phase);
        String served = wentLive.orElse(runStart);
        String checked = firstCheckedDay(projections, phase);
        if (startBy.compareTo(checked) > 0) {
            return deadline + ending;
        }
        String unchecked = checked.equals(served) ? ""
                : " after midnight, and its triggers were first checked when " + checked
                        + " ended";
        if (wentLive.isEmpty()) {
            String began = beforeRun ? "" : ", but the run began on " + served;
            return deadline + String.format(Locale.ROOT, "%s, so no trigger on this phase could"
                    + " start the migration in time to prevent every failure: start the plan on"
                    + " %s.", began, target);
        }
        String skip = String.format(Locale.ROOT, ", but this phase began to serve on %s%s, so"
                + " no trigger on it could start the migration in time to prevent every failure:"
                + " skip this phase by moving to %s from the phase before it, if that phase"
                + " holds until %s is live, which this run cannot show, since that phase served"
                + " only until %s: run the changed plan to check", served, unchecked, target,
                target, served);
        String liveBy = dayBefore(startBy);
        if (!canGoLiveBy(projections, phase, liveBy)) {
            return deadline + skip + ".";
        }
        long leadTimeMillis = leadTimeMillis(projections, phase);
        return deadline + skip + String.format(Locale.ROOT, ", or start the migration into this"
                + " phase by %s, so that with its %s lead time it goes live by the start of %s"
                + " and a users or date trigger on it, checked when that day ends, can start the"
                + " migration by %s.",
                PhaseChangeTable.startBy(liveBy, leadTimeMillis, runStart),
                Formats.duration(Duration.ofMillis(leadTimeMillis)), liveBy, startBy);
    }

    /**
     * Returns whether {@code phase} could go live by the start of {@code day}: its migration
     * can start on the run's second day at the earliest, and takes its lead time.
     */
    private static boolean canGoLiveBy(Projections projections, String phase, String day) {
        long dayMillis = Duration.ofDays(1).toMillis();
        LocalDate runStart = LocalDate.parse(runStart(projections));
        long earliestLive = runStart.plusDays(1).toEpochDay() * dayMillis
                + leadTimeMillis(projections, phase);
        return earliestLive <= LocalDate.parse(day).toEpochDay() * dayMillis;
    }

    private static String dayBefore(String day) {
        return LocalDate.parse(day).minusDays(1).toString();
    }

    /** Returns the deadline sentence for the phase after {@code phase}, if the plan has one. */
    static String forStalledPhase(Projections projections, String phase,
            String firstFailure) {
        return nextPhase(projections, phase).map(next -> deadline(projections, phase,
                next.name(), PhaseChangeTable.startBy(firstFailure, next.leadTimeMillis(),
                        runStart(projections)), "."))
                .orElse("");
    }

    /** Returns the run's first day. */
    private static String runStart(Projections projections) {
        return projections.daily().stringColumn("date").get(0);
    }

    /** Returns the phase the plan moves to from {@code phase}, if the plan has a later one. */
    static Optional<PhaseInfo> nextPhase(Projections projections, String phase) {
        List<PhaseInfo> phases = projections.phases();
        for (int index = 0; index + 1 < phases.size(); index++) {
            if (phases.get(index).name().equals(phase)) {
                return Optional.of(phases.get(index + 1));
            }
        }
        return Optional.empty();
    }

    /** Returns the first day a migration off {@code phase} could start. */
    static String earliestStart(Projections projections, String phase) {
        return LocalDate.parse(firstCheckedDay(projections, phase)).plusDays(1).toString();
    }

    /**
     * Returns the first day whose end checked the triggers of {@code phase}, by
     * {@link PhaseChangeTable#firstCheckedDay}.
     */
    private static String firstCheckedDay(Projections projections, String phase) {
        String served = wentLive(projections.changes(), phase).orElse(runStart(projections));
        return PhaseChangeTable.firstCheckedDay(served, leadTimeMillis(projections, phase));
    }

    /** Returns the lead time of the migration into {@code phase}, or 0 if none is known. */
    private static long leadTimeMillis(Projections projections, String phase) {
        for (PhaseInfo info : projections.phases()) {
            if (info.name().equals(phase)) {
                return info.leadTimeMillis();
            }
        }
        return 0;
    }

    /** Returns the day the migration to {@code phase} went live, if one did. */
    private static Optional<String> wentLive(Table changes, String phase) {
        for (int row = 0; row < changes.rowCount(); row++) {
            if (changes.stringColumn("to").get(row).equals(phase)) {
                return Optional.of(changes.stringColumn("live").get(row));
            }
        }
        return Optional.empty();
    }
}
