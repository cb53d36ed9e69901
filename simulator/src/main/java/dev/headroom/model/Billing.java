package dev.headroom.model;

import dev.headroom.engine.SimTime;
import java.math.BigInteger;

/** Exact arithmetic shared by the models' hosting bills, in micro-dollars. */
public final class Billing {

    private Billing() {
    }

    /**
     * Returns {@code floor(a x b / divisor)} for non-negative operands, computed without
     * overflow in the product.
     *
     * @throws ArithmeticException if the result does not fit in a {@code long}
     */
    public static long productOver(long a, long b, long divisor) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(divisor)).longValueExact();
    }

    /**
     * Checks a cost interval {@code [from, to)} in simulated milliseconds.
     *
     * @throws IllegalArgumentException if it ends before it starts
     */
    public static void requireInterval(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("cost interval [" + from + ", " + to
                    + ") ms ends before it starts");
        }
    }

    /**
     * Returns the bill of {@code nodes} nodes at an hourly price from {@code startMillis}, when
     * they are provisioned, to {@code at}: zero before the start, rounded down to a micro-dollar.
     */
    public static long nodeHoursMicros(int nodes, long microsPerHour, long startMillis, long at) {
        long nodeMillis = Math.multiplyExact((long) nodes, Math.max(at, startMillis) - startMillis);
        return productOver(nodeMillis, microsPerHour, SimTime.HOUR);
    }
}
