package dev.headroom.workload;

import java.util.List;

/**
 * Users given by a table of (time, users) points and interpolated linearly between them. Before
 * the first point the curve stays at the first point's users, and after the last point at the
 * last point's users.
 *
 * @param points at least one point, in strictly increasing time and with non-decreasing users
 */
public record PiecewiseGrowth(List<GrowthPoint> points) implements GrowthCurve {

    public PiecewiseGrowth {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a piecewise growth curve needs at least one point");
        }
        for (int i = 1; i < points.size(); i++) {
            LinearGrowth.requireOrdered(points.get(i - 1), points.get(i));
        }
    }

    @Override
    public double usersAt(long millis) {
        GrowthPoint first = points.get(0);
        if (millis <= first.millis()) {
            return first.users();
        }
        int upper = firstPointAfter(millis);
        if (upper == points.size()) {
            return points.get(upper - 1).users();
        }
        GrowthPoint left = points.get(upper - 1);
        GrowthPoint right = points.get(upper);
        double fraction = (double) (millis - left.millis()) / (right.millis() - left.millis());
        return left.users() + fraction * (right.users() - left.users());
    }

    /** Returns the index of the first point later than {@code millis}, or the point count. */
    private int firstPointAfter(long millis) {
        int low = 0;
        int high = points.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (points.get(middle).millis() <= millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
