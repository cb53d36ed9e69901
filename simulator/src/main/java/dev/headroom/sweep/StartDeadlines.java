package dev.headroom.sweep;

import dev.headroom.projection.PhaseChangeTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The latest day on which a move between two phases could start and still go live before the
 * phase it leaves first fails a request or a sign-up, by the rule of
 * {@link PhaseChangeTable#startBy}. A seed in which the old phase never failed has no such day.
 */
final class StartDeadlines {

    private StartDeadlines() {
    }

    /**
     * Returns each seed's latest start day for a move out of phase {@code from} to a phase with
     * lead time {@code leadTime}, in seed order, no earlier than the day before
     * {@code runStartDay}; empty for a seed whose {@code from} phase never failed.
     */
    static List<Optional<String>> of(List<SeedOutcome> outcomes, String from,
            Duration leadTime, String runStartDay) {
        return outcomes.stream().map(outcome -> firstFailure(outcome.outages(), from)
                .map(day -> PhaseChangeTable.startBy(day, leadTime.toMillis(), runStartDay)))
                .toList();
    }

    /**
     * Returns the number of seeds whose old phase failed and whose move started after its
     * latest start day or not at all; {@code starts} gives each seed's start day, empty for a
     * seed that did not make the move.
     */
    static int late(List<Optional<String>> deadlines, List<Optional<String>> starts) {
        int late = 0;
        for (int index = 0; index < deadlines.size(); index++) {
            Optional<String> deadline = deadlines.get(index);
            Optional<String> start = starts.get(index);
            if (deadline.isPresent()
                    && (start.isEmpty() || start.get().compareTo(deadline.get()) > 0)) {
                late++;
            }
        }
        return late;
    }

    /** Returns whether phase {@code phase} failed a request or a sign-up in the outcome. */
    static boolean failed(SeedOutcome outcome, String phase) {
        return firstFailure(outcome.outages(), phase).isPresent();
    }

    private static Optional<String> firstFailure(Table outages, String phase) {
        StringColumn phases = outages.stringColumn("phase");
        StringColumn firsts = outages.stringColumn("first_failure");
        Optional<String> first = Optional.empty();
        for (int row = 0; row < outages.rowCount(); row++) {
            String day = firsts.get(row);
            if (phases.get(row).equals(phase)
                    && (first.isEmpty() || day.compareTo(first.get()) < 0)) {
                first = Optional.of(day);
            }
        }
        return first;
    }
}
