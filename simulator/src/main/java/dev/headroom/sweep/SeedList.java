package dev.headroom.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the seeds of a sweep from text such as {@code 1..5}, {@code 1,4,9} or {@code 1..3,10}:
 * a comma-separated list of whole numbers and inclusive ranges {@code A..B}.
 */
public final class SeedList {

    /** The maximum number of seeds in one sweep. */
    public static final int MAX_SEEDS = 1000;

    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    private SeedList() {
    }

    /**
     * Returns the seeds in ascending order, so that a sweep's tables, whose ties go to the seed
     * listed first, depend on the set of seeds and not on the order it was written in.
     *
     * @throws IllegalArgumentException with a message naming the problem, if the text is
     *     not a list of seeds from 0 upwards, names a seed twice or names more than
     *     {@value #MAX_SEEDS} seeds
     */
    public static List<Long> parse(String text) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (String item : text.split(",", -1)) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("an item of the list is empty");
            }
            int dots = trimmed.indexOf("..");
            long first = number(trimmed, dots < 0 ? trimmed : trimmed.substring(0, dots));
            long last = dots < 0 ? first : number(trimmed, trimmed.substring(dots + 2));
            if (last < first) {
                throw new IllegalArgumentException("the range '" + trimmed
                        + "' ends before it starts");
            }
            if (last - first >= MAX_SEEDS - seeds.size()) {
                throw new IllegalArgumentException("it names more than " + MAX_SEEDS + " seeds");
            }
            for (long seed = first; seed <= last; seed++) {
                if (!seeds.add(seed)) {
                    throw new IllegalArgumentException("seed " + seed + " is named twice");
                }
                if (seed == Long.MAX_VALUE) {
                    break;
                }
            }
        }
        List<Long> sorted = new ArrayList<>(seeds);
        Collections.sort(sorted);
        return sorted;
    }

    private static long number(String item, String text) {
        String digits = text.strip();
        if (digits.startsWith("-") && ASCII_DIGITS.matcher(digits.substring(1)).matches()) {
            throw outOfRange(digits);
        }
        if (!ASCII_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("'" + item
                    + "' is neither a whole number nor a range such as 1..5");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw outOfRange(digits);
        }
    }

    /** Returns the error for a seed below 0 or above {@link Long#MAX_VALUE}. */
    private static IllegalArgumentException outOfRange(String digits) {
        return new IllegalArgumentException("seed " + digits + " is out of range: it must be"
                + " from 0 to " + Long.MAX_VALUE);
    }
}
