package dev.headroom.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.engine.SimTime;
import dev.headroom.ledger.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTrackerTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    private static Plan threePhasePlan() {
        Phase single = new Phase("single", "sheets", null, 0, 0,
                Trigger.anyOf(Condition.users(150), Condition.throttledCallsPerDay(10)));
        Phase sharded = new Phase("sharded", "sheets x5", null, 8, 14 * SimTime.DAY,
                Trigger.anyOf(Condition.users(800), Condition.onDate(START.plusDays(400))));
        Phase dynamo = new Phase("dynamodb", "dynamodb", null, 40, 60 * SimTime.DAY,
                Trigger.never());
        return new Plan(List.of(single, sharded, dynamo), Money.micros("100"));
    }

    private static DayObservation day(int index, long users, long throttled) {
        return new DayObservation(index, START.plusDays(index), users, throttled, 0, 0, 0, 0);
    }

    @Test
    void trigger_belowThreshold_startsNothing() {
        PlanTracker tracker = new PlanTracker(threePhasePlan());

        assertTrue(tracker.onDayEnd(day(0, 149, 10), SimTime.DAY).isEmpty());
        assertEquals(0, tracker.livePhase());
        assertTrue(tracker.changes().isEmpty());
    }

    @Test
    void trigger_atUserThreshold_startsMigrationWithCost() {
        PlanTracker tracker = new PlanTracker(threePhasePlan());

        PhaseChange change = tracker.onDayEnd(day(9, 150, 0), 10 * SimTime.DAY).orElseThrow();

        assertEquals(0, change.from());
        assertEquals(1, change.to());
        assertEquals("users >= 150", change.reason());
        assertEquals(150, change.usersAtStart());
        assertEquals(Money.micros("800"), change.developmentCostMicros());
        assertFalse(change.isLive());
        assertEquals(24 * SimTime.DAY, tracker.pendingLiveMillis());
    }

    @Test
    void trigger_throttlesAboveTen_holdsAtEleven() {
        PlanTracker tracker = new PlanTracker(threePhasePlan());

        assertTrue(tracker.onDayEnd(day(0, 10, 10), SimTime.DAY).isEmpty());
        PhaseChange change = tracker.onDayEnd(day(1, 10, 11), 2 * SimTime.DAY).orElseThrow();

        assertEquals("throttled_calls_per_day > 10", change.reason());
    }

    @Test
    void migration_underWay_blocksFurtherTriggersUntilLive() {
        PlanTracker tracker = new PlanTracker(threePhasePlan());
        tracker.onDayEnd(day(0, 900, 0), SimTime.DAY);

        assertTrue(tracker.onDayEnd(day(1, 900, 0), 2 * SimTime.DAY).isEmpty());
        Phase live = tracker.goLive(15 * SimTime.DAY);
        PhaseChange next = tracker.onDayEnd(day(15, 900, 0), 16 * SimTime.DAY).orElseThrow();

        assertEquals("sharded", live.name());
        assertEquals(15 * SimTime.DAY, tracker.changes().get(0).liveMillis());
        assertEquals(2, next.to());
        assertEquals(Money.micros("4000"), next.developmentCostMicros());
    }

    @Test
    void lastPhase_neverMigrates() {
        PlanTracker tracker = new PlanTracker(threePhasePlan());
        tracker.onDayEnd(day(0, 900, 0), SimTime.DAY);
        tracker.goLive(SimTime.DAY);
        tracker.onDayEnd(day(1, 900, 0), 2 * SimTime.DAY);
        tracker.goLive(2 * SimTime.DAY);

        assertTrue(tracker.onDayEnd(day(2, 1_000_000, 1_000), 3 * SimTime.DAY).isEmpty());
        assertEquals(2, tracker.livePhase());
    }

    @Test
    void conditions_describedAsScenarioFilesWriteThem() {
        assertEquals("p95_latency > 10s", Condition.p95LatencyMillis(10_000).describe());
        assertEquals("p95_latency > 1500ms", Condition.p95LatencyMillis(1_500).describe());
        assertEquals("failed_sign_ups_per_day > 3", Condition.failedSignUpsPerDay(3).describe());
        assertEquals("monthly_cost > $0.50", Condition.monthlyCostMicros(500_000).describe());
        assertEquals("monthly_cost > $0.125", Condition.monthlyCostMicros(125_000).describe());
        assertEquals("monthly_cost > $20", Condition.monthlyCostMicros(20_000_000).describe());
    }

    @Test
    void dateCondition_holdsAtEndOfDayBefore() {
        Condition condition = Condition.onDate(START.plusDays(400));

        assertFalse(condition.holds(day(398, 0, 0)));
        assertTrue(condition.holds(day(399, 0, 0)));
        assertTrue(condition.holds(day(400, 0, 0)));
        assertEquals("date >= 2026-02-05", condition.describe());
    }

    @Test
    void goLive_withoutMigration_isRejected() {
        PlanTracker tracker = new PlanTracker(threePhasePlan());

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> tracker.goLive(0));

        assertEquals("no migration is under way", error.getMessage());
    }
}
