package dev.headroom.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hosting cost in exact micro-dollars, split into named components such as
 * {@code dax_nodes}. Components keep the order in which they were first added, and the total
 * is their exact sum. Instances are immutable.
 */
public final class HostingCost {

    /** No cost and no component. */
    public static final HostingCost NONE = new HostingCost(new LinkedHashMap<>());

    private final Map<String, Long> components;
    private final long total;

    private HostingCost(LinkedHashMap<String, Long> components) {
        this.components = Collections.unmodifiableMap(components);
        long sum = 0;
        for (long micros : components.values()) {
            sum = Math.addExact(sum, micros);
        }
        this.total = sum;
    }

    /** Returns a cost of one component. */
    public static HostingCost of(String component, long micros) {
        return NONE.plus(component, micros);
    }

    /** Returns this cost with {@code micros} added to {@code component}, new or not. */
    public HostingCost plus(String component, long micros) {
        if (component == null || component.isEmpty()) {
            throw new IllegalArgumentException("hosting cost component name is missing");
        }
        LinkedHashMap<String, Long> sum = new LinkedHashMap<>(components);
        sum.merge(component, micros, Math::addExact);
        return new HostingCost(sum);
    }

    /** Returns the component-wise sum of this cost and {@code other}. */
    public HostingCost plus(HostingCost other) {
        LinkedHashMap<String, Long> sum = new LinkedHashMap<>(components);
        other.components.forEach((name, micros) -> sum.merge(name, micros, Math::addExact));
        return new HostingCost(sum);
    }

    /**
     * Returns this cost less {@code earlier}, component by component: the cost of an interval
     * when both are cumulative bills, at its end and at its start.
     */
    public HostingCost minus(HostingCost earlier) {
        LinkedHashMap<String, Long> difference = new LinkedHashMap<>(components);
        earlier.components.forEach(
                (name, micros) -> difference.merge(name, -micros, Math::addExact));
        return new HostingCost(difference);
    }

    /** Returns the components and their costs in micro-dollars, in the order first added. */
    public Map<String, Long> components() {
        return components;
    }

    /** Returns the exact sum of the components in micro-dollars. */
    public long total() {
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostingCost cost && components.equals(cost.components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }

    @Override
    public String toString() {
        return components + " = " + total + " micros";
    }
}
