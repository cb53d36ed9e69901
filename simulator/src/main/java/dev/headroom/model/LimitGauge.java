package dev.headroom.model;

/**
 * Current use of one capacity limit of one resource.
 *
 * @param limit the limit's name, such as {@code tabs} or {@code cells}
 * @param resource what the limit applies to, such as {@code workbook-0}
 * @param used the amount in use
 * @param max the limit, or {@link Long#MAX_VALUE} when unbounded
 */
public record LimitGauge(String limit, String resource, long used, long max) {

    /** Returns {@code used / max}, or zero for an unbounded limit. */
    public double fraction() {
        return max == Long.MAX_VALUE ? 0.0 : (double) used / max;
    }
}
