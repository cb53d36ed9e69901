package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.RandomStream;
import dev.headroom.engine.SimTime;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Goodness-of-fit of the arrival process. Each statistical test rejects at significance 0.01 and
 * uses a fixed seed, so its outcome is the same on every run.
 */
class ArrivalProfileTest {

    private static final double SIGNIFICANCE = 0.01;
    /** Office-like hours: nothing from 02:00 to 05:00, a peak in the afternoon. */
    private static final double[] HOURLY = {
        0.3, 0.2, 0, 0, 0, 0.2, 0.5, 1, 1.5, 2, 2, 2, 1.8, 2, 2.2, 2, 1.8, 1.5, 1.2, 1, 0.8,
        0.7, 0.5, 0.4
    };
    /** Weekdays busier than the weekend, Monday first. */
    private static final double[] WEEKDAY = {1.2, 1.3, 1.3, 1.2, 1.0, 0.5, 0.4};

    @Test
    void nextArrival_flatProfileGapsAreExponential() {
        ArrivalProfile profile = ArrivalProfile.flat();
        RandomStream stream = new RandomStream(2024);
        double ratePerDay = 10;
        double[] gaps = new double[20_000];
        long now = 0;
        for (int i = 0; i < gaps.length; i++) {
            long next = profile.nextArrival(now, ratePerDay, stream);
            gaps[i] = next - now;
            now = next;
        }
        ExponentialDistribution expected = new ExponentialDistribution(SimTime.DAY / ratePerDay);

        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(expected, gaps);
        assertTrue(p > SIGNIFICANCE, "Kolmogorov-Smirnov p-value " + p);
    }

    @Test
    void nextArrival_modulatedCountsMatchHourOfWeekIntensity() {
        ArrivalProfile profile = new ArrivalProfile(HOURLY, WEEKDAY, DayOfWeek.WEDNESDAY);
        RandomStream stream = new RandomStream(77);
        double ratePerDay = 24;
        int weeks = 200;
        long end = weeks * 7 * SimTime.DAY;
        long[] observed = new long[168];
        for (long t = profile.nextArrival(0, ratePerDay, stream); t < end;
                t = profile.nextArrival(t, ratePerDay, stream)) {
            observed[(int) ((t % (7 * SimTime.DAY)) / SimTime.HOUR)]++;
        }
        List<Double> expected = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int hour = 0; hour < 168; hour++) {
            long start = hour * SimTime.HOUR;
            double perWeek = profile.expectedArrivals(start, start + SimTime.HOUR, ratePerDay);
            if (perWeek == 0) {
                assertEquals(0, observed[hour], "arrivals in zero-intensity hour " + hour);
            } else {
                expected.add(perWeek * weeks);
                counts.add(observed[hour]);
            }
        }

        double p = new ChiSquareTest().chiSquareTest(
                expected.stream().mapToDouble(Double::doubleValue).toArray(),
                counts.stream().mapToLong(Long::longValue).toArray());
        assertTrue(p > SIGNIFICANCE, "chi-square p-value " + p);
    }

    @Test
    void expectedArrivals_weekHoldsSevenDaysOfRate() {
        ArrivalProfile profile = new ArrivalProfile(HOURLY, WEEKDAY, DayOfWeek.SUNDAY);

        assertEquals(70, profile.expectedArrivals(0, 7 * SimTime.DAY, 10), 1e-9);
        assertEquals(70, profile.expectedArrivals(5 * SimTime.HOUR + 17,
                7 * SimTime.DAY + 5 * SimTime.HOUR + 17, 10), 1e-9);
    }

    @Test
    void multiplierAt_alignsFirstDayOfWeek() {
        ArrivalProfile profile = new ArrivalProfile(HOURLY, WEEKDAY, DayOfWeek.SATURDAY);
        double[] hourly = profile.hourly();
        double[] weekday = profile.weekday();

        assertEquals(hourly[0] * weekday[5], profile.multiplierAt(0), 1e-12);
        long sundayAfternoon = SimTime.DAY + 14 * SimTime.HOUR;
        long mondayMorning = 2 * SimTime.DAY + 9 * SimTime.HOUR;
        assertEquals(hourly[14] * weekday[6], profile.multiplierAt(sundayAfternoon), 1e-12);
        assertEquals(hourly[9] * weekday[0], profile.multiplierAt(mondayMorning), 1e-12);
    }

    @Test
    void constructor_scalesProfilesToMeanOne() {
        double[] hours = new double[24];
        Arrays.fill(hours, 3);
        ArrivalProfile profile = new ArrivalProfile(hours, WEEKDAY, DayOfWeek.MONDAY);

        assertEquals(1, profile.hourly()[7], 1e-12);
        assertEquals(7, Arrays.stream(profile.weekday()).sum(), 1e-12);
    }

    @Test
    void constructor_scalesWeightsNearTheLargestDoubleWithoutOverflow() {
        // A weight near Double.MAX_VALUE once overflowed to infinity when multiplied by the
        // number of hours before the division, and two such weights overflowed their sum, so the
        // run drew endless arrivals at one instant until the heap ran out.
        double[] hours = new double[24];
        hours[3] = Double.MAX_VALUE;
        hours[4] = Double.MAX_VALUE;
        double[] days = new double[7];
        Arrays.fill(days, Double.MAX_VALUE / 2);
        ArrivalProfile profile = new ArrivalProfile(hours, days, DayOfWeek.MONDAY);

        assertEquals(12, profile.hourly()[3], 1e-12);
        assertEquals(12, profile.hourly()[4], 1e-12);
        assertEquals(0, profile.hourly()[5]);
        assertEquals(1, profile.weekday()[6], 1e-12);
        long next = profile.nextArrival(0, 10, new RandomStream(3));
        long hourOfDay = next % SimTime.DAY / SimTime.HOUR;
        assertTrue(hourOfDay == 3 || hourOfDay == 4, "arrival at hour " + hourOfDay);
    }

    @Test
    void constructor_wrongLengthRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArrivalProfile(new double[23], WEEKDAY, DayOfWeek.MONDAY));
        assertEquals("hourly profile needs 24 weights, got 23", e.getMessage());
    }

    @Test
    void nextArrival_neverBeforeStart() {
        ArrivalProfile profile = new ArrivalProfile(HOURLY, WEEKDAY, DayOfWeek.MONDAY);
        RandomStream stream = new RandomStream(5);
        long now = 123_456_789L;
        for (int i = 0; i < 10_000; i++) {
            long next = profile.nextArrival(now, 500, stream);
            assertTrue(next >= now, "arrival " + next + " before " + now);
            now = next;
        }
    }
}
