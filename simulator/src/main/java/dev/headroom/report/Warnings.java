package dev.headroom.report;

import dev.headroom.projection.DailyTable;
import dev.headroom.projection.OutageTable;
import dev.headroom.projection.PhaseChangeTable;
import dev.headroom.projection.Projections;
import dev.headroom.run.PhaseInfo;
import dev.headroom.scenario.Formats;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Builds the plain-text warnings and notes that the summary and {@code report.md} print beside
 * the tables.
 */
public final class Warnings {

    private static final String ALLOCATED_STORAGE = "allocated-storage";
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final String UNDER_WAY = "The migration was already under way, so only a"
            + " trigger that fires earlier or a shorter lead time ends this part of the outage"
            + " sooner.";

    private Warnings() {
    }

    /** Returns every warning: outages of earlier phases first, then a stalled plan's. */
    public static List<String> all(Projections projections) {
        List<String> warnings = new ArrayList<>(earlierOutages(projections));
        warnings.addAll(stalledPlan(projections));
        return warnings;
    }

    /**
     * Returns a warning when the phase serving at the end of the run failed requests or sign-ups
     * and no migration off it started, or an empty list. Such a plan has stalled, because its
     * triggers never fired although a limit bound.
     */
    public static List<String> stalledPlan(Projections projections) {
        Table daily = projections.daily();
        int last = daily.rowCount() - 1;
        if (last < 0 || !daily.stringColumn("migrating_to").get(last).isEmpty()) {
            return List.of();
        }

        String phase = daily.stringColumn("phase").get(last);
        int first = last;
        while (first > 0 && daily.stringColumn("phase").get(first - 1).equals(phase)) {
            first--;
        }

        long requests = 0;
        long signUps = 0;
        int firstFailure = -1;
        for (int row = first; row <= last; row++) {
            long dayRequests = daily.longColumn("failed_requests").getLong(row);
            long daySignUps = daily.longColumn("failed_sign_ups").getLong(row);
            if (firstFailure < 0 && dayRequests + daySignUps > 0) {
                firstFailure = row;
            }
            requests += dayRequests;
            signUps += daySignUps;
        }
        if (firstFailure < 0) {
            return List.of();
        }

        String limits = boundLimits(daily, firstFailure, last);
        String storage = limits.contains(ALLOCATED_STORAGE) ? " PostgreSQL's allocated storage"
                + " is one setting for the whole run, so a second postgres phase cannot add to"
                + " it: raise postgres.allocated_storage_gb, or move to another backend." : "";
        String firstDay = daily.stringColumn("date").get(firstFailure);
        return List.of(String.format(Locale.ROOT, "Warning: phase '%s' failed calls on %s "
                + "from %s and no migration off it started before the run ended: %s and %s"
                + " failed. %s%s%s", phase, limits, firstDay, Cells.count(requests, "request"),
                Cells.count(signUps, "sign-up"),
                stalledAdvice(projections, phase), storage,
                StartByAdvice.forStalledPhase(projections, phase, firstDay)));
    }

    /**
     * Returns a warning for each outage of a phase that the plan later moved off: days on which
     * calls failed before or during a migration. The last phase's outage without a migration is
     * the stalled plan's warning instead.
     */
    public static List<String> earlierOutages(Projections projections) {
        Table daily = projections.daily();
        Table outages = projections.outages();
        if (daily.rowCount() == 0) {
            return List.of();
        }
        String lastPhase = daily.stringColumn("phase").get(daily.rowCount() - 1);
        List<String> warnings = new ArrayList<>();
        Set<String> advised = new HashSet<>();
        for (int row = 0; row < outages.rowCount(); row++) {
            String phase = outages.stringColumn("phase").get(row);
            String situation = outages.stringColumn("situation").get(row);
            boolean migrating = !situation.equals(OutageTable.NO_MIGRATION);
            // The serving phase's outage with no migration off it is the stalled plan's
            // warning, unless a migration off it started during the run.
            if (phase.equals(lastPhase) && !migrating
                    && PhaseChangeTable.moveOff(projections.changes(), phase) < 0) {
                continue;
            }
            String advice = migrating ? UNDER_WAY : outageAdvice(projections, phase,
                    outages.stringColumn("first_failure").get(row),
                    lastFailure(outages, phase));
            String deadline =
                    advised.add(phase) ? StartByAdvice.afterLateStart(projections, phase) : "";
            warnings.add(String.format(Locale.ROOT, "Warning: phase '%s' failed %s and"
                    + " %s from %s to %s, %s. %s%s", phase,
                    Cells.count(outages.longColumn("failed_requests").getLong(row), "request"),
                    Cells.count(outages.longColumn("failed_sign_ups").getLong(row), "sign-up"),
                    outages.stringColumn("first_failure").get(row),
                    outages.stringColumn("last_failure").get(row),
                    migrating ? "while " + situation : "before its next migration started",
                    advice, deadline));
        }
        return warnings;
    }

    /** Returns what a stalled phase's plan could change, by what its triggers already are. */
    private static String stalledAdvice(Projections projections, String phase) {
        if (StartByAdvice.nextPhase(projections, phase).isEmpty()) {
            return "Add a later phase to move to when calls fail.";
        }
        boolean failureTrigger = projections.phases().stream()
                .anyMatch(info -> info.name().equals(phase) && info.failureTrigger());
        if (failureTrigger) {
            return "Its failed_requests_per_day or failed_sign_ups_per_day trigger never held on"
                    + " a day whose triggers were checked: lower its threshold, or run longer if"
                    + " calls failed only on the last day, which is not checked.";
        }
        return "Add a failed_requests_per_day or failed_sign_ups_per_day trigger to move on when"
                + " calls fail.";
    }

    /**
     * Returns what could have ended an outage of {@code phase} sooner, given how the migration
     * off it started. The outage began on {@code firstFailure}, before that migration started,
     * and the phase last failed calls on {@code lastFailure}.
     */
    private static String outageAdvice(Projections projections, String phase,
            String firstFailure, String lastFailure) {
        Table changes = projections.changes();
        int row = PhaseChangeTable.moveOff(changes, phase);
        String started = row < 0 ? "" : changes.stringColumn("started").get(row);
        String reason = row < 0 ? "" : changes.stringColumn("reason").get(row);
        String earliest = StartByAdvice.earliestStart(projections, phase);
        if (row >= 0 && started.compareTo(earliest) <= 0) {
            return "The migration started on the first day a trigger on this phase could start"
                    + " it, so no trigger on it ends this part of the outage sooner.";
        }
        if (reason.startsWith("failed_requests_per_day")
                || reason.startsWith("failed_sign_ups_per_day")) {
            return "The phase's own failure trigger started the migration, so only a lower"
                    + " threshold or a trigger that fires before calls fail, such as a users"
                    + " trigger, ends this part of the outage sooner.";
        }
        String dayAfterFailure = LocalDate.parse(firstFailure).plusDays(1).toString();
        if (row >= 0 && started.compareTo(dayAfterFailure) <= 0) {
            return "The migration started the day after calls first failed, as early as a"
                    + " failure trigger could have started it, so only a trigger that fires"
                    + " before calls fail, such as a users trigger, ends this part of the outage"
                    + " sooner.";
        }
        String triggered = dayAfterFailure.compareTo(earliest) < 0 ? earliest : dayAfterFailure;
        Optional<PhaseInfo> next = StartByAdvice.nextPhase(projections, phase);
        if (next.isPresent() && !liveBefore(triggered, next.get().leadTimeMillis(), lastFailure)) {
            return String.format(Locale.ROOT, "Calls stopped failing before a migration started"
                    + " by a failure trigger on %s could go live after its %s lead time, so no"
                    + " failure trigger ends this part of the outage sooner.", triggered,
                    Formats.duration(Duration.ofMillis(next.get().leadTimeMillis())));
        }
        return "A failed_requests_per_day or failed_sign_ups_per_day trigger ends this part of"
                + " the outage sooner, because it starts the migration once a day fails more"
                + " requests or sign-ups than its threshold.";
    }

    /** Returns the last day on which {@code phase} failed calls, by its outages. */
    private static String lastFailure(Table outages, String phase) {
        String last = "";
        for (int row = 0; row < outages.rowCount(); row++) {
            String day = outages.stringColumn("last_failure").get(row);
            if (outages.stringColumn("phase").get(row).equals(phase) && day.compareTo(last) > 0) {
                last = day;
            }
        }
        return last;
    }

    /**
     * Returns whether a migration that starts when {@code startDay} begins and takes
     * {@code leadTimeMillis} goes live before {@code lastFailure} ends.
     */
    private static boolean liveBefore(String startDay, long leadTimeMillis, String lastFailure) {
        long start = LocalDate.parse(startDay).toEpochDay() * DAY_MILLIS;
        long end = LocalDate.parse(lastFailure).plusDays(1).toEpochDay() * DAY_MILLIS;
        return start + leadTimeMillis < end;
    }

    /**
     * Returns the note that explains the users column of the cost table: users who failed to
     * sign up are lost, so they are left out of the year-end counts.
     */
    public static String usersNote(Projections projections) {
        long failed = 0;
        for (long day : projections.daily().longColumn("failed_sign_ups").asLongArray()) {
            failed += day;
        }
        return String.format(Locale.ROOT, "users_at_year_end counts the users placed in the "
                + "ledger at the end of each year. A failed sign-up is a lost user that never "
                + "retries, so failed sign-ups are not counted; this run had %s.",
                Cells.count(failed, "failed sign-up"));
    }

    /** Returns the capacity limits that failed calls between two rows, such as "cells". */
    private static String boundLimits(Table daily, int first, int last) {
        List<String> names = new ArrayList<>();
        for (String column : daily.columnNames()) {
            if (!column.startsWith(DailyTable.FAILED)) {
                continue;
            }
            for (int row = first; row <= last; row++) {
                if (daily.longColumn(column).getLong(row) > 0) {
                    names.add(column.substring(DailyTable.FAILED.length()));
                    break;
                }
            }
        }
        return names.isEmpty() ? "its limits" : String.join(", ", names);
    }
}
