package dev.headroom.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.SimTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthCurveTest {

    private static final double TOLERANCE = 1e-9;
    private static final GrowthPoint YEAR_1 = new GrowthPoint(SimTime.YEAR, 100);
    private static final GrowthPoint YEAR_3 = new GrowthPoint(3 * SimTime.YEAR, 2_000);

    @Test
    void linear_passesThroughItsPoints() {
        LinearGrowth curve = LinearGrowth.through(YEAR_1, YEAR_3);

        assertEquals(100, curve.usersAt(SimTime.YEAR), TOLERANCE);
        assertEquals(2_000, curve.usersAt(3 * SimTime.YEAR), TOLERANCE);
        assertEquals(1_050, curve.usersAt(2 * SimTime.YEAR), TOLERANCE);
        assertEquals(0, curve.usersAt(0), TOLERANCE);
    }

    @Test
    void linear_parametersGiveInitialAndSlope() {
        LinearGrowth curve = new LinearGrowth(5, 2);

        assertEquals(5, curve.usersAt(0), TOLERANCE);
        assertEquals(25, curve.usersAt(10 * SimTime.DAY), TOLERANCE);
    }

    @Test
    void exponential_passesThroughItsPoints() {
        ExponentialGrowth curve = ExponentialGrowth.through(YEAR_1, YEAR_3);

        assertEquals(100, curve.usersAt(SimTime.YEAR), 1e-9 * 100);
        assertEquals(2_000, curve.usersAt(3 * SimTime.YEAR), 1e-9 * 2_000);
        assertEquals(Math.sqrt(100 * 2_000.0), curve.usersAt(2 * SimTime.YEAR), 1e-6);
    }

    @Test
    void exponential_yearlyFactorMultipliesEachYear() {
        ExponentialGrowth curve = ExponentialGrowth.ofYearlyFactor(50, 3);

        assertEquals(50, curve.usersAt(0), TOLERANCE);
        assertEquals(150, curve.usersAt(SimTime.YEAR), 1e-9 * 150);
        assertEquals(450, curve.usersAt(2 * SimTime.YEAR), 1e-9 * 450);
    }

    @Test
    void logistic_passesThroughItsPoints() {
        LogisticGrowth curve = LogisticGrowth.through(12_000, YEAR_1, YEAR_3);

        assertEquals(100, curve.usersAt(SimTime.YEAR), 1e-6);
        assertEquals(2_000, curve.usersAt(3 * SimTime.YEAR), 1e-6);
        assertTrue(curve.usersAt(5 * SimTime.YEAR) < 12_000);
        assertEquals(12_000, curve.usersAt(50 * SimTime.YEAR), 1e-3);
    }

    @Test
    void logistic_reachesHalfCapacityAtSteepestPoint() {
        LogisticGrowth curve = new LogisticGrowth(1_000, 10, 0.05);
        double halfDays = Math.log(1_000 / 10.0 - 1) / 0.05;

        assertEquals(10, curve.usersAt(0), TOLERANCE);
        assertEquals(500, curve.usersAt(SimTime.ofDays(halfDays)), 1e-3);
    }

    @Test
    void piecewise_passesThroughPointsAndInterpolates() {
        List<GrowthPoint> points = List.of(new GrowthPoint(0, 0), YEAR_1,
                new GrowthPoint(2 * SimTime.YEAR, 500), YEAR_3);
        PiecewiseGrowth curve = new PiecewiseGrowth(points);

        for (GrowthPoint point : points) {
            assertEquals(point.users(), curve.usersAt(point.millis()), TOLERANCE,
                    "users at " + point.millis() + " ms");
        }
        assertEquals(50, curve.usersAt(SimTime.YEAR / 2), TOLERANCE);
        assertEquals(300, curve.usersAt(SimTime.YEAR + SimTime.YEAR / 2), TOLERANCE);
    }

    @Test
    void piecewise_holdsEndValuesOutsideTable() {
        PiecewiseGrowth curve = new PiecewiseGrowth(List.of(YEAR_1, YEAR_3));

        assertEquals(100, curve.usersAt(0), TOLERANCE);
        assertEquals(2_000, curve.usersAt(10 * SimTime.YEAR), TOLERANCE);
    }

    @Test
    void piecewise_fallingUsersRejected() {
        List<GrowthPoint> points = List.of(YEAR_3, new GrowthPoint(4 * SimTime.YEAR, 10));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PiecewiseGrowth(points));
        assertTrue(e.getMessage().contains("non-decreasing users"), e.getMessage());
    }

    @Test
    void timeToReach_returnsFirstMillisecondAtCount() {
        GrowthCurve curve = LinearGrowth.through(YEAR_1, YEAR_3);

        for (int users : new int[] {100, 101, 777, 2_000}) {
            long time = curve.timeToReach(users, 0, 5 * SimTime.YEAR);
            assertTrue(curve.usersAt(time) >= users, "reached " + users + " at " + time);
            assertTrue(curve.usersAt(time - 1) < users, "not reached " + users + " before");
        }
    }

    @Test
    void timeToReach_startAndHorizonEdges() {
        GrowthCurve curve = new LinearGrowth(10, 1);

        assertEquals(SimTime.DAY, curve.timeToReach(5, SimTime.DAY, SimTime.YEAR));
        assertEquals(Long.MAX_VALUE, curve.timeToReach(1_000, 0, SimTime.YEAR));
    }

    @Test
    void growthPoint_negativeUsersRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GrowthPoint(0, -1));
        assertEquals("growth point users is -1.0; it must be a finite number of zero or more",
                e.getMessage());
    }
}
