package dev.headroom.scenario;

import java.util.List;

/**
 * The plan: phases in the order they go live, and what a developer hour costs.
 *
 * @param hourlyRateMicros the blended cost of one developer hour, in micro-dollars
 * @param phases at least one phase; the first is live at time zero
 */
public record Plan(long hourlyRateMicros, List<Phase> phases) {

    public Plan {
        phases = List.copyOf(phases);
    }

    /** Returns the development cost of every migration of the plan, in micro-dollars. */
    public long totalEffortMicros() {
        long hours = 0;
        for (Phase phase : phases) {
            hours = Math.addExact(hours, phase.migration().effortHours());
        }
        return Math.multiplyExact(hours, hourlyRateMicros);
    }
}
