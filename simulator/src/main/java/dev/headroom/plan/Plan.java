package dev.headroom.plan;

import java.util.List;

/**
 * An ordered list of phases and the developer rate that prices each migration.
 *
 * @param phases the phases in order; the first serves from the start of the run
 * @param hourlyRateMicros the blended developer rate in micro-dollars per hour
 */
public record Plan(List<Phase> phases, long hourlyRateMicros) {

    public Plan {
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one phase");
        }
        if (hourlyRateMicros < 0) {
            throw new IllegalArgumentException("hourly rate is " + hourlyRateMicros
                    + " micro-dollars; it must not be negative");
        }
    }

    /** Returns the development cost of migrating to phase {@code index}, in micro-dollars. */
    public long developmentCostMicros(int index) {
        return Math.multiplyExact(phases.get(index).effortHours(), hourlyRateMicros);
    }
}
