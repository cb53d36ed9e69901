package dev.headroom.model;

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
}
