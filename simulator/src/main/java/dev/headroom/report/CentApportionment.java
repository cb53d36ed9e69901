package dev.headroom.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a printed amount of whole cents over exact parts in micro-dollars by the largest
 * remainder method, so that the printed parts add up to the printed amount.
 *
 * <p>Each part starts from its exact cost rounded down to the cent. The cents still missing go
 * one each to the parts with a remainder below the cent, in decreasing order of their priority,
 * the earlier part first among equal ones. So each printed part is its exact cost rounded down
 * or up to the cent. With the remainders as the priorities, a part prints its own half-up
 * rounding whenever those roundings add up to the printed amount. Otherwise, only the parts
 * whose remainders lie nearest half a cent print one cent more or less than their own rounding.
 */
final class CentApportionment {

    /** One cent in micro-dollars. */
    static final long CENT = 10_000;

    private CentApportionment() {
    }

    /**
     * Returns the parts of {@code printedMicros} in whole cents, with each part's remainder
     * below the cent as its priority.
     *
     * @throws IllegalStateException as {@link #apportion(long[], long[], long)} does
     */
    static long[] apportion(long[] exactMicros, long printedMicros) {
        long[] remainders = new long[exactMicros.length];
        for (int part = 0; part < exactMicros.length; part++) {
            remainders[part] = Math.floorMod(exactMicros[part], CENT);
        }
        return apportion(exactMicros, remainders, printedMicros);
    }

    /**
     * Returns the parts of {@code printedMicros} in whole cents: each exact part rounded down to
     * the cent, then one cent more for each of the parts with a remainder and the highest
     * {@code priorities}, until the parts add up to {@code printedMicros}.
     *
     * @throws IllegalStateException if {@code printedMicros} is not a whole number of cents
     *     from the sum of the parts rounded down to the sum of the parts rounded up
     */
    static long[] apportion(long[] exactMicros, long[] priorities, long printedMicros) {
        long[] printed = new long[exactMicros.length];
        long floorSum = 0;
        List<Integer> withRemainder = new ArrayList<>();
        for (int part = 0; part < exactMicros.length; part++) {
            printed[part] = Math.floorDiv(exactMicros[part], CENT) * CENT;
            floorSum = Math.addExact(floorSum, printed[part]);
            if (printed[part] != exactMicros[part]) {
                withRemainder.add(part);
            }
        }
        long missing = Math.subtractExact(printedMicros, floorSum);
        if (missing % CENT != 0 || missing < 0 || missing / CENT > withRemainder.size()) {
            throw new IllegalStateException("printed amount of " + printedMicros
                    + " micro-dollars cannot be split into whole cents over " + exactMicros.length
                    + " parts, which round down to " + floorSum + " and have "
                    + withRemainder.size() + " remainders below the cent");
        }
        // A stable sort keeps the earlier part first among equal priorities.
        withRemainder.sort(
                Comparator.comparingLong((Integer part) -> priorities[part]).reversed());
        for (int index = 0; index < missing / CENT; index++) {
            printed[withRemainder.get(index)] += CENT;
        }
        return printed;
    }
}
