package dev.headroom.sweep;

import dev.headroom.projection.LimitTimeline;
import dev.headroom.projection.PhaseChangeTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the tables of a sweep from its seeds' outcomes, given in seed order: the spread of each
 * limit's binding date, the spread of each phase change's start, one row per seed, and the
 * spread of cost and failures.
 */
public final class SweepTables {

    /** The text in place of a date that too few seeds reached, for example for a median. */
    public static final String NOT_REACHED = LimitTimeline.NOT_REACHED;

    private SweepTables() {
    }

    /**
     * Returns {@code sweep-limits}: for each limit any seed met, in the order the runs list them,
     * how many seeds it bound in, its earliest, 10th-percentile, median, 90th-percentile and
     * latest binding date, the users on the median seed's binding day, and the phases it bound
     * in with their seed counts. The phases tell apart, for example, the cells of a single
     * workbook and the cells of a shard.
     */
    public static Table limits(List<SeedOutcome> outcomes) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, List<Optional<String>>> dates = new LinkedHashMap<>();
        Map<String, List<Long>> users = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> phases = new LinkedHashMap<>();
        for (int index = 0; index < outcomes.size(); index++) {
            Table limits = outcomes.get(index).limits();
            for (int row = 0; row < limits.rowCount(); row++) {
                String limit = limits.stringColumn("limit").get(row);
                kinds.putIfAbsent(limit, limits.stringColumn("kind").get(row));
                phases.putIfAbsent(limit, new LinkedHashMap<>());
                List<Optional<String>> limitDates =
                        slot(dates, limit, outcomes.size(), Optional.empty());
                String date = limits.stringColumn("binds_on").get(row);
                if (date.equals(NOT_REACHED)) {
                    continue;
                }
                limitDates.set(index, Optional.of(date));
                slot(users, limit, outcomes.size(), 0L).set(index,
                        limits.longColumn("users").getLong(row));
                phases.get(limit).merge(limits.stringColumn("phase").get(row), 1, Integer::sum);
            }
        }

        StringColumn limit = StringColumn.create("limit");
        StringColumn kind = StringColumn.create("kind");
        Spread spread = new Spread("bound_in");
        LongColumn medianUsers = LongColumn.create("users_at_median");
        StringColumn boundDuring = StringColumn.create("bound_during");
        for (Map.Entry<String, List<Optional<String>>> entry : dates.entrySet()) {
            limit.append(entry.getKey());
            kind.append(kinds.get(entry.getKey()));
            DateSpread values = spread.append(entry.getValue());
            if (values.median().isPresent()) {
                medianUsers.append(users.get(entry.getKey()).get(values.medianIndex()));
            } else {
                medianUsers.appendMissing();
            }
            boundDuring.append(counted(phases.get(entry.getKey())));
        }

        Table table = Table.create("sweep-limits", limit, kind);
        spread.addTo(table);
        return table.addColumns(medianUsers, boundDuring);
    }

    /**
     * Returns the median go-live date over the seeds that started the move, where a seed whose
     * move was not live by the end counts as later than every date, or {@value #NOT_REACHED}.
     */
    private static String medianLive(List<Optional<String>> starts,
            List<Optional<String>> lives) {
        List<Optional<String>> startedLives = new ArrayList<>();
        for (int index = 0; index < starts.size(); index++) {
            if (starts.get(index).isPresent()) {
                startedLives.add(lives.get(index));
            }
        }
        return startedLives.isEmpty() ? NOT_REACHED
                : DateSpread.of(startedLives).median().orElse(NOT_REACHED);
    }

    /**
     * Returns {@code sweep-changes}: for each move between two phases that any seed made, in
     * the order the runs list them, how many seeds made it, the spread of the day it started,
     * the median day it went live, the conditions that started it with their seed counts, and
     * the {@link StartByColumns}, then {@code rows_not_copied_in}: the seeds whose move went
     * live without every earlier row. A move between consecutive phases of the plan that no seed
     * made follows when its old phase failed in any seed, since each such seed started it late.
     */
    public static Table changes(List<SeedOutcome> outcomes, PlanOutline plan) {
        Map<String, String[]> phasesOfMove = new LinkedHashMap<>();
        Map<String, List<Optional<String>>> starts = new LinkedHashMap<>();
        Map<String, List<Optional<String>>> lives = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> reasons = new LinkedHashMap<>();
        Map<String, Integer> seedsNotCopied = new LinkedHashMap<>();
        for (int index = 0; index < outcomes.size(); index++) {
            Table changes = outcomes.get(index).changes();
            for (int row = 0; row < changes.rowCount(); row++) {
                String from = changes.stringColumn("from").get(row);
                String to = changes.stringColumn("to").get(row);
                String move = from + " -> " + to;
                phasesOfMove.putIfAbsent(move, new String[] {from, to});
                List<Optional<String>> moveStarts =
                        slot(starts, move, outcomes.size(), Optional.empty());
                if (moveStarts.get(index).isPresent()) {
                    continue;
                }
                moveStarts.set(index, Optional.of(changes.stringColumn("started").get(row)));
                String live = changes.stringColumn("live").get(row);
                slot(lives, move, outcomes.size(), Optional.empty()).set(index,
                        Optional.of(live).filter(date -> !date.equals(PhaseChangeTable.NOT_LIVE)));
                reasons.computeIfAbsent(move, key -> new LinkedHashMap<>())
                        .merge(changes.stringColumn("reason").get(row), 1, Integer::sum);
                if (changes.longColumn(PhaseChangeTable.ROWS_NOT_COPIED).getLong(row) > 0) {
                    seedsNotCopied.merge(move, 1, Integer::sum);
                }
            }
        }
        List<String> phases = plan.phases();
        for (int next = 1; next < phases.size(); next++) {
            String from = phases.get(next - 1);
            String move = from + " -> " + phases.get(next);
            boolean failed =
                    outcomes.stream().anyMatch(outcome -> StartDeadlines.failed(outcome, from));
            if (!starts.containsKey(move) && failed) {
                phasesOfMove.put(move, new String[] {from, phases.get(next)});
                slot(starts, move, outcomes.size(), Optional.empty());
                slot(lives, move, outcomes.size(), Optional.empty());
                reasons.put(move, Map.of());
            }
        }

        StringColumn change = StringColumn.create("change");
        Spread spread = new Spread("made_in");
        StringColumn medianLive = StringColumn.create("median_live");
        StringColumn reason = StringColumn.create("reasons");
        StartByColumns startBy = new StartByColumns(outcomes, plan);
        LongColumn notCopied = LongColumn.create("rows_not_copied_in");
        starts.forEach((move, dates) -> {
            change.append(move);
            spread.append(dates);
            medianLive.append(medianLive(dates, lives.get(move)));
            reason.append(counted(reasons.get(move)));
            startBy.append(phasesOfMove.get(move)[0], phasesOfMove.get(move)[1], dates);
            notCopied.append(seedsNotCopied.getOrDefault(move, 0));
        });

        Table table = Table.create("sweep-changes", change);
        spread.addTo(table);
        table.addColumns(medianLive, reason);
        startBy.addTo(table);
        table.addColumns(notCopied);
        return table;
    }

    /**
     * Returns {@code sweep-runs}: one row per seed with the first limit to bind (the earliest
     * binding date, the first listed on a tie), its phase, date and users, the number of phase
     * changes, the first failure, the failures and the total cost.
     */
    public static Table runs(List<SeedOutcome> outcomes) {
        LongColumn seed = LongColumn.create("seed");
        StringColumn firstLimit = StringColumn.create("first_limit");
        StringColumn firstPhase = StringColumn.create("first_limit_phase");
        StringColumn firstDate = StringColumn.create("first_binds_on");
        LongColumn firstUsers = LongColumn.create("users_on_first_binding");
        LongColumn changes = LongColumn.create("phase_changes");
        StringColumn firstFailure = StringColumn.create("first_failure");
        for (SeedOutcome outcome : outcomes) {
            seed.append(outcome.seed());
            Table limits = outcome.limits();
            int first = firstBound(limits);
            if (first < 0) {
                firstLimit.append("none");
                firstPhase.append("");
                firstDate.append(NOT_REACHED);
                firstUsers.appendMissing();
            } else {
                firstLimit.append(limits.stringColumn("limit").get(first));
                firstPhase.append(limits.stringColumn("phase").get(first));
                firstDate.append(limits.stringColumn("binds_on").get(first));
                firstUsers.append(limits.longColumn("users").getLong(first));
            }
            changes.append(outcome.changes().rowCount());
            firstFailure.append(outcome.firstFailure().isEmpty() ? "none"
                    : outcome.firstFailure());
        }
        Table table = Table.create("sweep-runs", seed, firstLimit, firstPhase, firstDate,
                firstUsers, changes, firstFailure);
        return table.addColumns(counts(outcomes, UnaryOperator.identity()).columnArray());
    }

    /**
     * Returns {@code sweep-totals}: the minimum, 10th percentile, median, 90th percentile and
     * maximum over the seeds of the failures and the total cost, by nearest rank as in
     * {@link DateSpread}.
     */
    public static Table totals(List<SeedOutcome> outcomes) {
        StringColumn statistic =
                StringColumn.create("statistic", "min", "p10", "median", "p90", "max");
        Table table = Table.create("sweep-totals", statistic);
        return table.addColumns(counts(outcomes, SweepTables::percentiles).columnArray());
    }

    /**
     * Returns the columns of failures and cost: each column's values, one per seed in order,
     * passed through {@code summary}.
     */
    private static Table counts(List<SeedOutcome> outcomes, UnaryOperator<long[]> summary) {
        Table table = Table.create("counts");
        Map<String, ToLongFunction<SeedOutcome>> columns = new LinkedHashMap<>();
        columns.put("failed_requests", SeedOutcome::failedRequests);
        columns.put("failed_requests_no_migration", SeedOutcome::failedRequestsNoMigration);
        columns.put("failed_sign_ups", SeedOutcome::failedSignUps);
        columns.put("total_cost_micros", SeedOutcome::totalCostMicros);
        columns.forEach((name, value) -> {
            long[] values = outcomes.stream().mapToLong(value).toArray();
            table.addColumns(LongColumn.create(name, summary.apply(values)));
        });
        return table;
    }

    private static long[] percentiles(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int count = sorted.length;
        return new long[] {sorted[0], sorted[DateSpread.rank(10, count)],
            sorted[DateSpread.rank(50, count)], sorted[DateSpread.rank(90, count)],
            sorted[count - 1]};
    }

    private static int firstBound(Table limits) {
        int first = -1;
        StringColumn dates = limits.stringColumn("binds_on");
        for (int row = 0; row < limits.rowCount(); row++) {
            String date = dates.get(row);
            if (!date.equals(NOT_REACHED) && (first < 0 || date.compareTo(dates.get(first)) < 0)) {
                first = row;
            }
        }
        return first;
    }

    /** Returns {@code name: count} pairs joined by semicolons, in the map's order. */
    private static String counted(Map<String, Integer> counts) {
        List<String> pairs = new ArrayList<>();
        counts.forEach((name, count) -> pairs.add(name + ": " + count));
        return String.join("; ", pairs);
    }

    private static <T> List<T> slot(Map<String, List<T>> map, String key, int size, T empty) {
        return map.computeIfAbsent(key, k -> new ArrayList<>(Collections.nCopies(size, empty)));
    }

    /** The columns that show a date's spread, filled one row at a time. */
    private static final class Spread {
        private final LongColumn happened;
        private final LongColumn seeds = LongColumn.create("seeds");
        private final StringColumn earliest = StringColumn.create("earliest");
        private final StringColumn p10 = StringColumn.create("p10");
        private final StringColumn median = StringColumn.create("median");
        private final StringColumn p90 = StringColumn.create("p90");
        private final StringColumn latest = StringColumn.create("latest");

        Spread(String happenedName) {
            happened = LongColumn.create(happenedName);
        }

        DateSpread append(List<Optional<String>> dates) {
            DateSpread spread = DateSpread.of(dates);
            happened.append(spread.happened());
            seeds.append(spread.seeds());
            earliest.append(spread.earliest().orElse(NOT_REACHED));
            p10.append(spread.p10().orElse(NOT_REACHED));
            median.append(spread.median().orElse(NOT_REACHED));
            p90.append(spread.p90().orElse(NOT_REACHED));
            latest.append(spread.latest().orElse(NOT_REACHED));
            return spread;
        }

        void addTo(Table table) {
            table.addColumns(happened, seeds, earliest, p10, median, p90, latest);
        }
    }
}
