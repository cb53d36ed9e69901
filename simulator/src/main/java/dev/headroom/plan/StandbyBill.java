package dev.headroom.plan;

import dev.headroom.model.HostingCost;
import java.util.function.LongBinaryOperator;

/**
 * The fixed price of a phase's store while the migration to it is under way. A database
 * instance or a cache cluster is billed by the hour from the day it is provisioned, which is
 * before the switch. A store billed only by use costs nothing until it serves.
 */
@FunctionalInterface
public interface StandbyBill {

    /** A store with no fixed price before it goes live. */
    StandbyBill NONE = (since, from, to) -> HostingCost.NONE;

    /**
     * Returns the bill by component for {@code [from, to)} of a store provisioned at
     * {@code since}. All three times are simulated milliseconds.
     */
    HostingCost cost(long since, long from, long to);

    /** Returns the total of {@link #cost} in micro-dollars. */
    default long micros(long since, long from, long to) {
        return cost(since, from, to).total();
    }

    /**
     * Returns the bill whose total from {@code since} to {@code at} is
     * {@code billUpTo.applyAsLong(since, at)}, charged to one component, so that an interval
     * costs the difference.
     */
    static StandbyBill fromCumulative(String component, LongBinaryOperator billUpTo) {
        return (since, from, to) -> HostingCost.of(component,
                billUpTo.applyAsLong(since, to) - billUpTo.applyAsLong(since, from));
    }

    /** A bill by component from the provisioning time {@code since} to {@code at}. */
    @FunctionalInterface
    interface Cumulative {
        HostingCost upTo(long since, long at);
    }

    /** Returns the bill whose interval costs are differences of a cumulative bill. */
    static StandbyBill fromCumulative(Cumulative billUpTo) {
        return (since, from, to) -> billUpTo.upTo(since, to).minus(billUpTo.upTo(since, from));
    }

    /** Returns a bill that adds {@code other}'s to this one. */
    default StandbyBill plus(StandbyBill other) {
        return (since, from, to) -> cost(since, from, to).plus(other.cost(since, from, to));
    }
}
