package dev.headroom.report;

import dev.headroom.projection.DailyTable;
import dev.headroom.projection.OutageTable;
import dev.headroom.projection.PhaseChangeTable;
import dev.headroom.projection.Projections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Builds the plain-text warnings and notes that the summary and {@code report.md} print beside
 * the tables.
 */
public final class Warnings {

    private static final String ALLOCATED_STORAGE = "allocated-storage";

    private static final String CONNECTIONS = "connections";

    private Warnings() {
    }

    /**
     * Returns every warning: rows a migration left behind first, then outages of earlier
     * phases, then a stalled plan's.
     */
    public static List<String> all(Projections projections) {
        List<String> warnings = new ArrayList<>(RowsNotCopiedWarning.lines(projections));
        warnings.addAll(earlierOutages(projections));
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

        Map<String, String> bound = boundLimits(daily, firstFailure, last);
        String move = StartByAdvice.nextPhase(projections, phase)
                .map(next -> "start the move to phase '" + next.name() + "' before it fills.")
                .orElse("move to another backend.");
        String storage = bound.containsKey(ALLOCATED_STORAGE) ? " PostgreSQL's allocated storage"
                + " is one setting for the whole run, so a second postgres phase cannot add to"
                + " it: raise postgres.allocated_storage_gb, or " + move : "";
        String connections = bound.containsKey(CONNECTIONS) ? " Each request in flight holds one"
                + " PostgreSQL connection: raise postgres.max_connections, which a larger"
                + " instance class allows, or " + move : "";
        String firstDay = daily.stringColumn("date").get(firstFailure);
        return List.of(String.format(Locale.ROOT, "Warning: phase '%s' failed calls on %s"
                + " and no migration off it started before the run ended: %s and %s"
                + " failed. %s%s%s%s", phase, sinceDates(bound, firstDay),
                Cells.count(requests, "request"),
                Cells.count(signUps, "sign-up"),
                OutageAdvice.stalled(projections, phase, firstDay), storage, connections,
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
            long requests = outages.longColumn("failed_requests").getLong(row);
            long signUps = outages.longColumn("failed_sign_ups").getLong(row);
            String firstFailure = outages.stringColumn("first_failure").get(row);
            String lastFailure = outages.stringColumn("last_failure").get(row);
            String advice = migrating ? OutageAdvice.underWay(projections, phase)
                    : OutageAdvice.beforeMigration(projections, phase, firstFailure, lastFailure);
            String deadline =
                    advised.add(phase) ? StartByAdvice.afterLateStart(projections, phase) : "";
            warnings.add(String.format(Locale.ROOT, "Warning: phase '%s' failed %s and"
                    + " %s from %s to %s, %s. %s%s", phase,
                    Cells.count(requests, "request"), Cells.count(signUps, "sign-up"),
                    firstFailure, lastFailure,
                    migrating ? "while " + situation : "before its next migration started",
                    advice, deadline));
        }
        return warnings;
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

    /**
     * Returns the limits that failed calls between two rows, such as "cells", each with the
     * date of the first row on which it did, in the daily table's column order.
     */
    private static Map<String, String> boundLimits(Table daily, int first, int last) {
        Map<String, String> bound = new LinkedHashMap<>();
        for (String column : daily.columnNames()) {
            if (!column.startsWith(DailyTable.FAILED)) {
                continue;
            }
            for (int row = first; row <= last; row++) {
                if (daily.longColumn(column).getLong(row) > 0) {
                    bound.put(column.substring(DailyTable.FAILED.length()),
                            daily.stringColumn("date").get(row));
                    break;
                }
            }
        }
        return bound;
    }

    /**
     * Returns the bound limits with the day each first failed a call, such as "tabs and cells
     * from 2025-01-02", or "connections from 2027-06-16 and allocated-storage from 2029-06-22"
     * when the days differ.
     */
    private static String sinceDates(Map<String, String> bound, String firstDay) {
        if (bound.isEmpty()) {
            return "its limits from " + firstDay;
        }
        if (bound.values().stream().allMatch(firstDay::equals)) {
            return Cells.joinWithAnd(new ArrayList<>(bound.keySet())) + " from " + firstDay;
        }
        List<String> parts = new ArrayList<>();
        bound.forEach((limit, date) -> parts.add(limit + " from " + date));
        return Cells.joinWithAnd(parts);
    }
}
