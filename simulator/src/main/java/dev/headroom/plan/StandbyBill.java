package dev.headroom.plan;

import java.util.function.LongBinaryOperator;

/**
 * The fixed price of a phase's store while the migration to it is under way. A database
 * instance or a cache cluster is billed by the hour from the day it is provisioned, which is
 * before the switch. A store billed only by use costs nothing until it serves.
 */
@FunctionalInterface
public interface StandbyBill {

    /** A store with no fixed price before it goes live. */
    StandbyBill NONE = (since, from, to) -> 0;

    /**
     * Returns the bill for {@code [from, to)} of a store provisioned at {@code since}, in
     * micro-dollars; all three are simulated milliseconds.
     */
    long micros(long since, long from, long to);

    /**
     * Returns the bill whose total from {@code since} to {@code at} is
     * {@code billUpTo.applyAsLong(since, at)}, so that an interval costs the difference.
     */
    static StandbyBill fromCumulative(LongBinaryOperator billUpTo) {
        return (since, from, to) -> billUpTo.applyAsLong(since, to)
                - billUpTo.applyAsLong(since, from);
    }

    /** Returns a bill that adds {@code other}'s to this one. */
    default StandbyBill plus(StandbyBill other) {
        return (since, from, to) -> Math.addExact(micros(since, from, to),
                other.micros(since, from, to));
    }
}
