package dev.headroom.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A user growth curve: the number of users as a function of simulated time. */
public sealed interface Growth
        permits Growth.Piecewise, Growth.Linear, Growth.Exponential, Growth.Logistic {

    /**
     * One point of a piecewise curve.
     *
     * @param at simulated time since the start
     * @param users users at that time
     */
    record Point(Duration at, long users) {
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Users interpolated linearly between points in strictly increasing time order, and held at
     * the last point's count after it.
     *
     * @param points at least one point, the first at time zero
     */
    record Piecewise(List<Point> points) implements Growth {
        public Piecewise {
            points = List.copyOf(points);
        }
    }

    /**
     * {@code initialUsers + usersPerYear * t}, with {@code t} in years of 365 days.
     *
     * @param initialUsers users at time zero
     * @param usersPerYear users added per year
     */
    record Linear(long initialUsers, double usersPerYear) implements Growth {
    }

    /**
     * {@code initialUsers * (1 + annualGrowth) ^ t}, with {@code t} in years of 365 days.
     *
     * @param initialUsers users at time zero, at least 1
     * @param annualGrowth growth per year as a fraction, for example 1.0 for doubling each year
     */
    record Exponential(long initialUsers, double annualGrowth) implements Growth {
    }

    /**
     * {@code capacity / (1 + exp(-ratePerYear * (t - midpoint)))}, with {@code t} in years of
     * 365 days.
     *
     * @param capacity the number of users the curve approaches
     * @param ratePerYear the steepness, per year
     * @param midpoint simulated time at which the curve reaches half the capacity
     */
    record Logistic(long capacity, double ratePerYear, Duration midpoint) implements Growth {
        private static final double YEAR_MILLIS = Duration.ofDays(365).toMillis();

        public Logistic {
            Objects.requireNonNull(midpoint, "midpoint");
        }

        /**
         * Returns {@code ratePerYear} times the midpoint in years, the exponent of the curve's
         * start {@code capacity / (1 + exp(exponent))}.
         */
        public double startExponent() {
            return ratePerYear * midpoint.toMillis() / YEAR_MILLIS;
        }
    }
}
