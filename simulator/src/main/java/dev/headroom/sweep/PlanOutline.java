package dev.headroom.sweep;

import dev.headroom.scenario.Phase;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Trigger;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of a plan that a sweep reads besides the runs: the phases in order, each phase's
 * lead time and triggers, and the first day of every run.
 *
 * @param leadTimes each phase's lead time, by name, in plan order
 * @param startDate the first simulated day, as an ISO-8601 date
 * @param nextWhen each phase's triggers, by name; a phase left out has none
 */
public record PlanOutline(Map<String, Duration> leadTimes, String startDate,
        Map<String, List<Trigger>> nextWhen) {

    public PlanOutline {
        leadTimes = Collections.unmodifiableMap(new LinkedHashMap<>(leadTimes));
        nextWhen = Map.copyOf(nextWhen);
    }

    /** Creates an outline of phases without triggers. */
    public PlanOutline(Map<String, Duration> leadTimes, String startDate) {
        this(leadTimes, startDate, Map.of());
    }

    /** Returns the outline of a scenario's plan. */
    public static PlanOutline of(Scenario scenario) {
        Map<String, Duration> leadTimes = new LinkedHashMap<>();
        Map<String, List<Trigger>> nextWhen = new LinkedHashMap<>();
        for (Phase phase : scenario.plan().phases()) {
            leadTimes.put(phase.name(), phase.migration().leadTime());
            nextWhen.put(phase.name(), phase.nextWhen());
        }
        return new PlanOutline(leadTimes, scenario.startDate().toString(), nextWhen);
    }

    /** Returns the phase names in plan order. */
    public List<String> phases() {
        return List.copyOf(leadTimes.keySet());
    }

    /** Returns a phase's lead time, or zero for a phase the plan does not name. */
    public Duration leadTime(String phase) {
        return leadTimes.getOrDefault(phase, Duration.ZERO);
    }

    /** Returns a phase's triggers, or none for a phase the plan does not name. */
    public List<Trigger> triggers(String phase) {
        return nextWhen.getOrDefault(phase, List.of());
    }
}
