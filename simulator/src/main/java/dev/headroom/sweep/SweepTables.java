package dev.headroom.sweep;

import dev.headroom.projection.LimitTimeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the tables of a sweep from its seeds' outcomes, given in seed order: the spread of each
 * limit's binding date, the spread of each phase change's start, one row per seed, and the
 * spread of cost and failures.
 */
public final class SweepTables {

    /** The text of a date that falls in no seed, or in too few for a median. */
    public static final String NOT_REACHED = LimitTimeline.NOT_REACHED;

    private SweepTables() {
    }

    /**
     * Returns {@code sweep-limits}: for each limit any seed met, in the order the runs list them,
     * how many seeds it bound in and its earliest, median and latest binding date, with the
     * users on the median seed's binding day.
     */
    public static Table limits(List<SeedOutcome> outcomes) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, List<Optional<String>>> dates = new LinkedHashMap<>();
        Map<String, List<Long>> users = new LinkedHashMap<>();
        for (int index = 0; index < outcomes.size(); index++) {
            Table limits = outcomes.get(index).limits();
            for (int row = 0; row < limits.rowCount(); row++) {
                String limit = limits.stringColumn("limit").get(row);
                kinds.putIfAbsent(limit, limits.stringColumn("kind").get(row));
                String date = limits.stringColumn("binds_on").get(row);
                LongColumn usersColumn = limits.longColumn("users");
                slot(dates, limit, outcomes.size(), Optional.<String>empty())
                        .set(index, Optional.of(date).filter(d -> !d.equals(NOT_REACHED)));
                slot(users, limit, outcomes.size(), 0L).set(index,
                        usersColumn.isMissing(row) ? 0L : usersColumn.getLong(row));
            }
        }

        StringColumn limit = StringColumn.create("limit");
        StringColumn kind = StringColumn.create("kind");
        Spread spread = new Spread("bound_in");
        LongColumn medianUsers = LongColumn.create("users_at_median");
        for (Map.Entry<String, List<Optional<String>>> entry : dates.entrySet()) {
            limit.append(entry.getKey());
            kind.append(kinds.get(entry.getKey()));
            DateSpread values = spread.append(entry.getValue());
            if (values.median().isPresent()) {
                medianUsers.append(users.get(entry.getKey()).get(values.medianIndex()));
            } else {
                medianUsers.appendMissing();
            }
        }

        Table table = Table.create("sweep-limits", limit, kind);
        spread.addTo(table);
        return table.addColumns(medianUsers);
    }

    /**
     * Returns {@code sweep-changes}: for each move between two phases that any seed made, in
     * the order the runs list them, how many seeds made it and the spread of the day it started.
     */
    public static Table changes(List<SeedOutcome> outcomes) {
        Map<String, List<Optional<String>>> dates = new LinkedHashMap<>();
        for (int index = 0; index < outcomes.size(); index++) {
            Table changes = outcomes.get(index).changes();
            for (int row = 0; row < changes.rowCount(); row++) {
                String move = changes.stringColumn("from").get(row) + " -> "
                        + changes.stringColumn("to").get(row);
                List<Optional<String>> starts =
                        slot(dates, move, outcomes.size(), Optional.<String>empty());
                if (starts.get(index).isEmpty()) {
                    starts.set(index, Optional.of(changes.stringColumn("started").get(row)));
                }
            }
        }
        StringColumn change = StringColumn.create("change");
        Spread spread = new Spread("made_in");
        dates.forEach((move, starts) -> {
            change.append(move);
            spread.append(starts);
        });
        Table table = Table.create("sweep-changes", change);
        spread.addTo(table);
        return table;
    }

    /**
     * Returns {@code sweep-runs}: one row per seed with the first limit to bind (the earliest
     * binding date, the first listed on a tie), its date and users, the number of phase changes,
     * the failures and the total cost.
     */
    public static Table runs(List<SeedOutcome> outcomes) {
        LongColumn seed = LongColumn.create("seed");
        StringColumn firstLimit = StringColumn.create("first_limit");
        StringColumn firstDate = StringColumn.create("first_binds_on");
        LongColumn firstUsers = LongColumn.create("users_then");
        LongColumn changes = LongColumn.create("phase_changes");
        LongColumn failedRequests = LongColumn.create("failed_requests");
        LongColumn failedSignUps = LongColumn.create("failed_sign_ups");
        LongColumn total = LongColumn.create("total_cost_micros");
        for (SeedOutcome outcome : outcomes) {
            seed.append(outcome.seed());
            int first = firstBound(outcome.limits());
            if (first < 0) {
                firstLimit.append("none");
                firstDate.append(NOT_REACHED);
                firstUsers.appendMissing();
            } else {
                firstLimit.append(outcome.limits().stringColumn("limit").get(first));
                firstDate.append(outcome.limits().stringColumn("binds_on").get(first));
                firstUsers.append(outcome.limits().longColumn("users").getLong(first));
            }
            changes.append(outcome.changes().rowCount());
            failedRequests.append(outcome.failedRequests());
            failedSignUps.append(outcome.failedSignUps());
            total.append(outcome.totalCostMicros());
        }
        return Table.create("sweep-runs", seed, firstLimit, firstDate, firstUsers, changes,
                failedRequests, failedSignUps, total);
    }

    /**
     * Returns {@code sweep-totals}: the minimum, median (the lower middle value for an even
     * count) and maximum over the seeds of the failures and the total cost.
     */
    public static Table totals(List<SeedOutcome> outcomes) {
        StringColumn statistic = StringColumn.create("statistic", "min", "median", "max");
        return Table.create("sweep-totals", statistic,
                stats("failed_requests", outcomes, SeedOutcome::failedRequests),
                stats("failed_sign_ups", outcomes, SeedOutcome::failedSignUps),
                stats("total_cost_micros", outcomes, SeedOutcome::totalCostMicros));
    }

    private static LongColumn stats(String name, List<SeedOutcome> outcomes,
            ToLongFunction<SeedOutcome> value) {
        long[] values = outcomes.stream().mapToLong(value).sorted().toArray();
        return LongColumn.create(name, values[0], values[(values.length - 1) / 2],
                values[values.length - 1]);
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

    private static <T> List<T> slot(Map<String, List<T>> map, String key, int size, T empty) {
        return map.computeIfAbsent(key, k -> new ArrayList<>(Collections.nCopies(size, empty)));
    }

    /** The columns that show a date's spread, filled one row at a time. */
    private static final class Spread {
        private final LongColumn happened;
        private final LongColumn seeds = LongColumn.create("seeds");
        private final StringColumn earliest = StringColumn.create("earliest");
        private final StringColumn median = StringColumn.create("median");
        private final StringColumn latest = StringColumn.create("latest");

        Spread(String happenedName) {
            happened = LongColumn.create(happenedName);
        }

        DateSpread append(List<Optional<String>> dates) {
            DateSpread spread = DateSpread.of(dates);
            happened.append(spread.happened());
            seeds.append(spread.seeds());
            earliest.append(spread.earliest().orElse(NOT_REACHED));
            median.append(spread.median().orElse(NOT_REACHED));
            latest.append(spread.latest().orElse(NOT_REACHED));
            return spread;
        }

        void addTo(Table table) {
            table.addColumns(happened, seeds, earliest, median, latest);
        }
    }
}
