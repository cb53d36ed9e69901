package dev.headroom.workload;

import dev.headroom.engine.RandomStream;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * The distribution of users' mean request rates, in requests per simulated day. A rate is drawn
 * once per user at sign-up, so a skewed distribution gives a few heavy users among many light
 * ones.
 */
public sealed interface RateDistribution {

    /** Returns the distribution's mean, in requests per day. */
    double meanPerDay();

    /** Draws one user's mean rate in requests per day, above zero. */
    double drawPerDay(RandomStream stream);

    /**
     * Every user at the same rate.
     *
     * @param perDay requests per day, above zero
     */
    record Fixed(double perDay) implements RateDistribution {

        public Fixed {
            Checks.positive(perDay, "perDay");
        }

        @Override
        public double meanPerDay() {
            return perDay;
        }

        @Override
        public double drawPerDay(RandomStream stream) {
            return perDay;
        }
    }

    /**
     * Log-normal rates with the given mean: {@code ln(rate)} is normal with standard deviation
     * {@code shape} and mean {@code ln(meanPerDay) - shape^2 / 2}. A shape of 1 puts about 5.5% of
     * users above three times the mean rate.
     *
     * @param meanPerDay mean rate over users, requests per day, above zero
     * @param shape standard deviation of the rate's logarithm, above zero
     */
    record LogNormal(double meanPerDay, double shape) implements RateDistribution {

        public LogNormal {
            Checks.positive(meanPerDay, "meanPerDay");
            Checks.positive(shape, "shape");
        }

        @Override
        public double drawPerDay(RandomStream stream) {
            double scale = Math.log(meanPerDay) - shape * shape / 2;
            return new LogNormalDistribution(stream, scale, shape).sample();
        }
    }

    /**
     * Gamma-distributed rates with the given mean; a shape below 1 gives a heavier tail.
     *
     * @param meanPerDay mean rate over users, requests per day, above zero
     * @param shape the gamma shape parameter, above zero
     */
    record Gamma(double meanPerDay, double shape) implements RateDistribution {

        public Gamma {
            Checks.positive(meanPerDay, "meanPerDay");
            Checks.positive(shape, "shape");
        }

        @Override
        public double drawPerDay(RandomStream stream) {
            return new GammaDistribution(stream, shape, meanPerDay / shape).sample();
        }
    }
}
