package dev.headroom.sweep;

import dev.headroom.projection.PhaseChangeTable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The columns of {@code sweep-changes} that tell whether each move started in time, filled one
 * move at a time:
 *
 * <ul>
 *   <li>{@code start_by_p10}: the 10th percentile of the move's start-by day over the seeds
 *       not counted in {@code no_time_in}, or over every seed when all of them are;
 *   <li>{@code started_late_in}: seeds whose move started after that day or not at all;
 *   <li>{@code no_time_in}: seeds whose start-by day came no later than the first day whose
 *       end checked the old phase's triggers. A move starts the day after that at the earliest,
 *       so no trigger on the old phase could start it in time;
 *   <li>{@code new_phase_failed_in}: seeds in which both phases failed, where a start in time
 *       would move the failures rather than end them;
 *   <li>{@code users_trigger_p10}: the 10th percentile over the seeds of the users at the end
 *       of the day before the start-by day, when a users trigger must fire to start the move
 *       by then. A seed whose old phase never failed counts as above every count, and the
 *       seeds counted in {@code no_time_in} are left out, since no trigger on the old phase
 *       helps them.
 * </ul>
 */
final class StartByColumns {

    private final List<SeedOutcome> outcomes;
    private final PlanOutline plan;
    private final StringColumn startBy = StringColumn.create("start_by_p10");
    private final StringColumn usersTrigger = StringColumn.create("users_trigger_p10");
    private final LongColumn late = LongColumn.create("started_late_in");
    private final LongColumn noTime = LongColumn.create("no_time_in");
    private final LongColumn newFailed = LongColumn.create("new_phase_failed_in");

    StartByColumns(List<SeedOutcome> outcomes, PlanOutline plan) {
        this.outcomes = outcomes;
        this.plan = plan;
    }

    /** Adds the row of the move from {@code from} to {@code to}, given each seed's start. */
    void append(String from, String to, List<Optional<String>> starts) {
        List<Optional<String>> deadlines = StartDeadlines.of(outcomes, from, plan.leadTime(to),
                plan.startDate());
        List<Integer> withTime = seedsWithTime(deadlines, firstCheckedDays(from));
        startBy.append(startByP10(deadlines, withTime));
        usersTrigger.append(usersTriggerP10(deadlines, withTime));
        late.append(StartDeadlines.late(deadlines, starts));
        noTime.append(deadlines.size() - withTime.size());
        newFailed.append(outcomes.stream().filter(outcome -> StartDeadlines.failed(outcome, from)
                && StartDeadlines.failed(outcome, to)).count());
    }

    void addTo(Table table) {
        table.addColumns(startBy, late, noTime, newFailed, usersTrigger);
    }

    /**
     * Returns the 10th percentile, by nearest rank, of the start-by days of the seeds
     * {@code withTime}, or of every seed's when none had time. A date trigger on the old phase
     * helps only the seeds that had time, so the others would pull the bound of its window
     * before every date that starts the move in time.
     */
    private static String startByP10(List<Optional<String>> deadlines, List<Integer> withTime) {
        List<Optional<String>> counted = deadlines;
        if (!withTime.isEmpty()) {
            counted = withTime.stream().map(deadlines::get).toList();
        }
        return DateSpread.of(counted).p10().orElse(SweepTables.NOT_REACHED);
    }

    /**
     * Returns the 10th percentile, by nearest rank, of each seed's users at the end of the day
     * before its start-by day: a users trigger checked that evening starts the move on the
     * start-by day. A seed without a start-by day or without daily users ranks above every
     * count. Only the seeds {@code withTime} count: a seed whose start-by day left no time has
     * a count from a day before the old phase's triggers were checked, so it would drag the
     * percentile below every threshold that helps. {@code not reached} when no seed is left.
     */
    private String usersTriggerP10(List<Optional<String>> deadlines, List<Integer> withTime) {
        LocalDate runStart = LocalDate.parse(plan.startDate());
        if (withTime.isEmpty()) {
            return SweepTables.NOT_REACHED;
        }
        long[] users = new long[withTime.size()];
        for (int rank = 0; rank < users.length; rank++) {
            int index = withTime.get(rank);
            Optional<String> deadline = deadlines.get(index);
            long[] daily = outcomes.get(index).usersByDay();
            long day = deadline.map(date -> ChronoUnit.DAYS.between(runStart,
                    LocalDate.parse(date)) - 1).orElse(Long.MAX_VALUE);
            if (day == Long.MAX_VALUE || daily.length == 0) {
                users[rank] = Long.MAX_VALUE;
            } else {
                users[rank] = day < 0 ? 0 : daily[(int) Math.min(day, daily.length - 1)];
            }
        }
        Arrays.sort(users);
        long p10 = users[DateSpread.rank(10, users.length)];
        return p10 == Long.MAX_VALUE ? SweepTables.NOT_REACHED : Long.toString(p10);
    }

    /**
     * Returns the indexes of the seeds that had time. A seed had none when its start-by day is
     * no later than the first day on which the old phase's triggers were checked, because a move
     * starts the day after that at the earliest; no_time_in counts those seeds.
     */
    private static List<Integer> seedsWithTime(List<Optional<String>> deadlines,
            List<Optional<String>> firstChecked) {
        List<Integer> seeds = new ArrayList<>();
        for (int index = 0; index < deadlines.size(); index++) {
            if (!leftNoTime(deadlines.get(index), firstChecked.get(index))) {
                seeds.add(index);
            }
        }
        return seeds;
    }

    /** Returns whether a seed's start-by day came no later than the old phase's first check. */
    private static boolean leftNoTime(Optional<String> deadline, Optional<String> checked) {
        return deadline.isPresent() && checked.isPresent()
                && checked.get().compareTo(deadline.get()) >= 0;
    }

    /**
     * Returns, per seed, the first day whose end checked the triggers of phase {@code phase},
     * by {@link PhaseChangeTable#firstCheckedDay}. The phase began to serve on the run's first
     * day if it is the plan's first phase, else on the day the move into it went live. Empty
     * for a seed in which it never served.
     */
    private List<Optional<String>> firstCheckedDays(String phase) {
        boolean first = plan.phases().indexOf(phase) == 0;
        long leadTimeMillis = plan.leadTime(phase).toMillis();
        List<Optional<String>> days = new ArrayList<>();
        for (SeedOutcome outcome : outcomes) {
            Optional<String> day = first ? Optional.of(plan.startDate()) : Optional.empty();
            Table changes = outcome.changes();
            for (int row = 0; row < changes.rowCount(); row++) {
                String live = changes.stringColumn("live").get(row);
                if (changes.stringColumn("to").get(row).equals(phase)
                        && !live.equals(PhaseChangeTable.NOT_LIVE)) {
                    day = Optional.of(live);
                }
            }
            days.add(day.map(served -> PhaseChangeTable.firstCheckedDay(served, leadTimeMillis)));
        }
        return days;
    }
}
