package dev.headroom.sweep;

import dev.headroom.projection.PhaseChangeTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
 *   <li>{@code start_by_p10}: the 10th percentile over the seeds of the move's start-by day;
 *   <li>{@code started_late_in}: seeds whose move started after that day or not at all;
 *   <li>{@code no_time_in}: seeds whose start-by day came no later than the day the old phase
 *       began to serve. A trigger is checked when a day ends, so a move out of a phase starts
 *       the day after that phase went live at the earliest: no trigger on the old phase could
 *       start it in time;
 *   <li>{@code new_phase_failed_in}: seeds in which both phases failed, where a start in time
 *       would move the failures rather than end them.
 * </ul>
 */
final class StartByColumns {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final List<SeedOutcome> outcomes;
    private final PlanOutline plan;
    private final StringColumn startBy = StringColumn.create("start_by_p10");
    private final LongColumn late = LongColumn.create("started_late_in");
    private final LongColumn noTime = LongColumn.create("no_time_in");
    private final LongColumn newFailed = LongColumn.create("new_phase_failed_in");

    StartByColumns(List<SeedOutcome> outcomes, PlanOutline plan) {
        this.outcomes = outcomes;
        this.plan = plan;
    }

    /** Adds the row of the move from {@code from} to {@code to}, given each seed's start. */
    void append(String from, String to, List<Optional<String>> starts) {
        List<Optional<String>> deadlines = StartDeadlines.of(outcomes, from, plan.leadTime(to));
        startBy.append(DateSpread.of(deadlines).p10().orElse(SweepTables.NOT_REACHED));
        late.append(StartDeadlines.late(deadlines, starts));
        noTime.append(noTime(deadlines, earliestStarts(from)));
        newFailed.append(outcomes.stream().filter(outcome -> StartDeadlines.failed(outcome, from)
                && StartDeadlines.failed(outcome, to)).count());
    }

    void addTo(Table table) {
        table.addColumns(startBy, late, noTime, newFailed);
    }

    /** Returns the number of seeds whose start-by day comes before the earliest start. */
    private static int noTime(List<Optional<String>> deadlines,
            List<Optional<String>> earliest) {
        int seeds = 0;
        for (int index = 0; index < deadlines.size(); index++) {
            Optional<String> deadline = deadlines.get(index);
            Optional<String> start = earliest.get(index);
            if (deadline.isPresent() && start.isPresent()
                    && start.get().compareTo(deadline.get()) > 0) {
                seeds++;
            }
        }
        return seeds;
    }

    /**
     * Returns, per seed, the earliest day a move out of phase {@code phase} can start: the day
     * after the phase began to serve, which is the run's first day for the plan's first phase,
     * else the day the move into it went live, or the day after that when it went live after
     * midnight, since that day's triggers are not checked. Empty for a seed in which it never
     * served.
     */
    private List<Optional<String>> earliestStarts(String phase) {
        boolean first = plan.phases().indexOf(phase) == 0;
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
            // Triggers are not checked on a day that a phase went live after midnight.
            long wait = first || plan.leadTime(phase).toMillis() % DAY_MILLIS == 0 ? 1 : 2;
            days.add(day.map(date -> LocalDate.parse(date).plusDays(wait).toString()));
        }
        return days;
    }
}
