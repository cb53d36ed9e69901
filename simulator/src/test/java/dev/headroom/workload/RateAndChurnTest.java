package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

/** Sample checks use fixed seeds and bounds of about four standard errors. */
class RateAndChurnTest {

    private static final int USERS = 40_000;

    @Test
    void logNormal_meanMatchesAndHeavyUsersExist() {
        RateDistribution rates = new RateDistribution.LogNormal(10, 1);
        DescriptiveStatistics sample = sample(rates, new RandomStream(8));
        // The sample mean's standard error is 10 * sqrt(e - 1) / sqrt(USERS), about 0.066.
        assertEquals(10, sample.getMean(), 0.27);
        double shareAboveThrice = fractionAbove(sample, 30);
        // ln(rate) is normal with mean ln(10) - 0.5 and deviation 1, so
        // P(rate > 30) = 1 - Phi(ln 3 + 0.5), about 0.055; its standard error is 0.0011.
        double expected = 1 - new NormalDistribution().cumulativeProbability(Math.log(3) + 0.5);
        assertEquals(expected, shareAboveThrice, 0.0045);
        assertTrue(sample.getMax() > 100, "heaviest user " + sample.getMax());
    }

    @Test
    void gamma_meanMatches() {
        DescriptiveStatistics sample = sample(
                new RateDistribution.Gamma(10, 0.5), new RandomStream(9));

        // Standard deviation 10 / sqrt(0.5) = 14.1, so the standard error is about 0.071.
        assertEquals(10, sample.getMean(), 0.3);
    }

    @Test
    void fixed_returnsRateWithoutDraw() {
        RandomStream stream = new RandomStream(1);
        RandomStream untouched = new RandomStream(1);

        assertEquals(7.5, new RateDistribution.Fixed(7.5).drawPerDay(stream));
        assertEquals(untouched.nextLong(), stream.nextLong());
    }

    @Test
    void logNormal_zeroMeanRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RateDistribution.LogNormal(0, 1));
        assertEquals("meanPerDay is 0.0; it must be a finite number above zero", e.getMessage());
    }

    @Test
    void churn_monthlyRateIsFractionLeavingInMonth() {
        Churn churn = new Churn(0.05);
        RandomStream stream = new RandomStream(10);
        int leftWithinMonth = 0;
        for (int i = 0; i < USERS; i++) {
            if (churn.drawLifetimeMillis(stream) <= Churn.MONTH) {
                leftWithinMonth++;
            }
        }
        // Binomial standard error sqrt(0.05 * 0.95 / USERS) is about 0.0011.
        assertEquals(0.05, (double) leftWithinMonth / USERS, 0.0045);
    }

    @Test
    void churn_noneNeverLeaves() {
        assertEquals(Long.MAX_VALUE, Churn.NONE.drawLifetimeMillis(new RandomStream(1)));
    }

    @Test
    void churn_rateOfOneRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Churn(1));
        assertEquals("monthlyRate is 1.0; it must be at least 0 and below 1", e.getMessage());
    }

    private static DescriptiveStatistics sample(RateDistribution rates, RandomStream stream) {
        DescriptiveStatistics sample = new DescriptiveStatistics();
        for (int i = 0; i < USERS; i++) {
            double rate = rates.drawPerDay(stream);
            assertTrue(rate > 0, "rate " + rate);
            sample.addValue(rate);
        }
        return sample;
    }

    private static double fractionAbove(DescriptiveStatistics sample, double threshold) {
        long above = 0;
        for (double value : sample.getValues()) {
            if (value > threshold) {
                above++;
            }
        }
        return (double) above / sample.getN();
    }
}
