package dev.headroom.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.scenario.Trigger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TriggerOrderNotesTest {

    private static final String NEVER = SweepTables.NOT_REACHED;

    /**
     * Returns the sweep of ten seeds over phases e, a and b, where b takes 7 days to build. The
     * move to a goes live on 2026-02-27, the day after the start, and a first fails on
     * 2026-03-09, so the move to b had to start by 2026-03-02. Its users trigger had to fire
     * when 2026-03-01, day 3, ended, with 40 users in every seed.
     */
    private static Table changes(PlanOutline plan) {
        return changes(plan, new long[] {10, 20, 30, 40, 50, 60});
    }

    /** Returns the sweep of {@link #changes(PlanOutline)} with the given users by day. */
    private static Table changes(PlanOutline plan, long[] usersByDay) {
        Table moves = Table.create("phase-changes", StringColumn.create("from", "e", "a"),
                StringColumn.create("to", "a", "b"),
                StringColumn.create("reason", "date 2026-02-27", "users >= 60"),
                StringColumn.create("started", "2026-02-27", "2026-03-07"),
                StringColumn.create("live", "2026-02-27", "2026-03-14"),
                LongColumn.create("rows_not_copied", 0, 0));
        Table failures = Table.create("outages", StringColumn.create("phase", "a"),
                StringColumn.create("situation", "no migration under way"),
                StringColumn.create("first_failure", "2026-03-09"),
                LongColumn.create("failed_requests", new long[] {3}),
                LongColumn.create("failed_sign_ups", new long[] {0}));
        Table limits = Table.create("limits", StringColumn.create("limit"),
                StringColumn.create("kind"), StringColumn.create("binds_on"),
                LongColumn.create("users"), StringColumn.create("phase"));
        List<SeedOutcome> outcomes = new ArrayList<>();
        for (int seed = 1; seed <= 10; seed++) {
            outcomes.add(new SeedOutcome(seed, limits, moves, failures, 0, usersByDay));
        }
        return SweepTables.changes(outcomes, plan);
    }

    /** Returns the plan of phases e, a and b with the given triggers on e and a. */
    private static PlanOutline plan(List<Trigger> onE, List<Trigger> onA) {
        Map<String, Duration> leadTimes = new LinkedHashMap<>();
        leadTimes.put("e", Duration.ZERO);
        leadTimes.put("a", Duration.ofDays(1));
        leadTimes.put("b", Duration.ofDays(7));
        return new PlanOutline(leadTimes, "2026-02-26", Map.of("e", onE, "a", onA));
    }

    private static List<String> notes(List<Trigger> onE, List<Trigger> onA) {
        PlanOutline plan = plan(onE, onA);
        return TriggerOrderNotes.of(changes(plan), plan);
    }

    /** Returns the plan of phases d, e, a and b, started on 2026-02-26, with the triggers. */
    private static PlanOutline planWithD(Map<String, List<Trigger>> nextWhen) {
        Map<String, Duration> leadTimes = new LinkedHashMap<>();
        leadTimes.put("d", Duration.ZERO);
        leadTimes.put("e", Duration.ZERO);
        leadTimes.put("a", Duration.ofDays(1));
        leadTimes.put("b", Duration.ofDays(7));
        return new PlanOutline(leadTimes, "2026-02-26", nextWhen);
    }

    /** Returns the plan of phases e, a, b and c, where c takes 7 days to build. */
    private static PlanOutline planWithC(Map<String, List<Trigger>> nextWhen) {
        Map<String, Duration> leadTimes = new LinkedHashMap<>();
        leadTimes.put("e", Duration.ZERO);
        leadTimes.put("a", Duration.ofDays(1));
        leadTimes.put("b", Duration.ofDays(7));
        leadTimes.put("c", Duration.ofDays(7));
        return new PlanOutline(leadTimes, "2026-02-26", nextWhen);
    }

    /** Returns a plan of the named phases, none with a lead time, started on 2026-02-26. */
    private static PlanOutline planOf(List<String> phases, Map<String, List<Trigger>> nextWhen) {
        Map<String, Duration> leadTimes = new LinkedHashMap<>();
        for (String phase : phases) {
            leadTimes.put(phase, Duration.ZERO);
        }
        return new PlanOutline(leadTimes, "2026-02-26", nextWhen);
    }

    /** Returns a {@code sweep-changes} table of the move a -> b alone. */
    private static Table moveToB(String startBy, String usersTrigger) {
        return Table.create("sweep-changes", StringColumn.create("change", "a -> b"),
                StringColumn.create("start_by_p10", startBy),
                StringColumn.create("users_trigger_p10", usersTrigger));
    }

    @Test
    void of_belowEarlierUsers_bothWays() {
        List<String> notes = notes(List.of(new Trigger.Users(50),
                new Trigger.OnDate(LocalDate.parse("2026-02-27"))),
                List.of(new Trigger.Users(60)));

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not above the users"
                + " trigger of the earlier phase 'e' (50), and the loader requires users"
                + " triggers to increase from phase to phase. To follow the advice, lower the"
                + " users trigger of 'e' below 40 and give 'a' a users trigger above it and no"
                + " higher than 40, or give 'a' a date trigger after 2026-02-27 (the date"
                + " trigger of 'e') and no later than its start_by_p10 of 2026-03-02. Sweep again"
                + " after the change, since a move started sooner changes what fails next."),
                notes);
    }

    @Test
    void of_equalsEarlierUsers_noted() {
        List<String> notes = notes(List.of(new Trigger.Users(40)), List.of());

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).contains("of 40 is not above the users trigger of the"
                + " earlier phase 'e' (40)"), notes.get(0));
        assertEquals(true, notes.get(0).contains("a date trigger after 2026-02-26 (the start"
                + " date)"), notes.get(0));
    }

    @Test
    void of_laterMonthlyCost_dayMoves() {
        PlanOutline plan = planWithC(Map.of("e", List.of(new Trigger.Users(50)),
                "b", List.of(new Trigger.MonthlyCost(20_000_000))));

        List<String> notes = TriggerOrderNotes.of(changes(plan), plan);

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).endsWith("what fails next. The monthly_cost trigger of"
                + " 'b' will fire on another day too, since the phases after 'a' start serving,"
                + " and paying, on other days."), notes.get(0));
    }

    @Test
    void of_laterDate_dayMoves() {
        PlanOutline plan = planWithC(Map.of("e", List.of(new Trigger.Users(50)),
                "b", List.of(new Trigger.OnDate(LocalDate.parse("2026-09-01")))));

        List<String> notes = TriggerOrderNotes.of(changes(plan), plan);

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).endsWith("what fails next. The date trigger of 'b'"
                + " (2026-09-01) will fire as soon as its phase serves when it goes live after"
                + " that date, so that move can start on another day too."), notes.get(0));
    }

    @Test
    void of_aboveEarlierUsers_noNote() {
        assertEquals(List.of(), notes(List.of(new Trigger.Users(39)),
                List.of(new Trigger.Users(60))));
    }

    @Test
    void of_noEarlierUsersTrigger_noNote() {
        assertEquals(List.of(), notes(List.of(new Trigger.OnDate(LocalDate.parse("2026-02-27"))),
                List.of(new Trigger.Users(60))));
    }

    @Test
    void of_adviceNotReached_noNote() {
        PlanOutline plan = plan(List.of(new Trigger.Users(50)), List.of());
        Table changes = moveToB(NEVER, NEVER);

        assertEquals(List.of(), TriggerOrderNotes.of(changes, plan));
    }

    @Test
    void of_noRoomForEitherWay_saysSo() {
        // Users triggers of 39 and 40 on earlier phases leave no count between them and the
        // advice of 40, and a date trigger on 2026-03-02 leaves no day up to the start-by day.
        PlanOutline plan = planWithD(Map.of(
                "d", List.of(new Trigger.Users(39)),
                "e", List.of(new Trigger.Users(40),
                        new Trigger.OnDate(LocalDate.parse("2026-03-02")))));
        Table changes = moveToB("2026-03-02", "40");

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not above the users"
                + " trigger of the earlier phase 'e' (40), and the loader requires users"
                + " triggers to increase from phase to phase. Neither lowering the users"
                + " trigger of 'e' below 40 nor a date trigger on 'a' by its start_by_p10 of"
                + " 2026-03-02 fits that order with the other triggers of the phases before 'a'"
                + " as they are, so change those first."), TriggerOrderNotes.of(changes, plan));
    }

    @Test
    void of_earlierUsersBelow_boundLowered() {
        // The users trigger of 30 on d stays below the advice, so the trigger of e, lowered,
        // must stay above it.
        PlanOutline plan = planWithD(Map.of(
                "d", List.of(new Trigger.Users(30)), "e", List.of(new Trigger.Users(45))));
        Table changes = moveToB("2026-02-26", "40");

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not above the users"
                + " trigger of the earlier phase 'e' (45), and the loader requires users"
                + " triggers to increase from phase to phase. To follow the advice, lower the"
                + " users trigger of 'e' below 40 but above that of 'd' (30) and give 'a' a"
                + " users trigger above it and no higher than 40. Sweep again after the change,"
                + " since a move started sooner changes what fails next."),
                TriggerOrderNotes.of(changes, plan));
    }

    @Test
    void of_laterDateBeforeStartBy_boundsDate() {
        PlanOutline plan = planWithC(Map.of("e", List.of(new Trigger.Users(50)),
                "b", List.of(new Trigger.OnDate(LocalDate.parse("2026-03-01")))));

        List<String> notes = TriggerOrderNotes.of(changes(plan), plan);

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).contains(", or give 'a' a date trigger after 2026-02-26"
                + " (the start date) and before 2026-03-01 (the date trigger of 'b'). Sweep"),
                notes.get(0));
    }

    @Test
    void of_laterDateLeavesNoDay_usersOnly() {
        // The date trigger of b on the day after the start leaves no day for one on a.
        PlanOutline plan = planWithC(Map.of("e", List.of(new Trigger.Users(40)),
                "b", List.of(new Trigger.OnDate(LocalDate.parse("2026-02-27")))));

        List<String> notes = TriggerOrderNotes.of(changes(plan), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not above the users"
                + " trigger of the earlier phase 'e' (40), and the loader requires users"
                + " triggers to increase from phase to phase. To follow the advice, lower the"
                + " users trigger of 'e' below 40 and give 'a' a users trigger above it and no"
                + " higher than 40. Sweep again after the change, since a move started sooner"
                + " changes what fails next."
                + " The date trigger of 'b' (2026-02-27) will fire as soon as its phase serves"
                + " when it goes live after that date, so that move can start on another"
                + " day too."), notes);
    }

    @Test
    void of_noRoomWithLaterDate_namesIt() {
        PlanOutline plan = planWithD(Map.of("d", List.of(new Trigger.Users(39)),
                "e", List.of(new Trigger.Users(40)),
                "b", List.of(new Trigger.OnDate(LocalDate.parse("2026-02-27")))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "40"), plan);

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).endsWith("fits that order with the other triggers of the"
                + " phases before 'a' and the date trigger of 'b' as they are, so change those"
                + " first. The date trigger of 'b' (2026-02-27) will fire as soon as its phase"
                + " serves when it goes live after that date, so that move can start on another"
                + " day too."), notes.get(0));
    }

    @Test
    void of_zeroUsersNoEarlierUsers_dateTrigger() {
        // No user has signed up by the end of day 3, so the advice is 0, which no users trigger
        // on a can be, though no earlier phase has a users trigger in the way.
        PlanOutline plan = plan(List.of(new Trigger.OnDate(LocalDate.parse("2026-02-27"))),
                List.of());

        List<String> notes = TriggerOrderNotes.of(changes(plan,
                new long[] {0, 0, 0, 0, 50, 60}), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 0 means the move had to start"
                + " before the first user signed up, and the loader requires a users trigger of"
                + " at least 1, so no users trigger on 'a' starts it in time. To follow the"
                + " advice, give 'a' a date trigger after 2026-02-27 (the date trigger of 'e')"
                + " and no later than its start_by_p10 of 2026-03-02. Sweep again after the"
                + " change, since a move started sooner changes what fails next."), notes);
    }

    @Test
    void of_zeroUsersEarlierUsers_dateTriggerOnly() {
        PlanOutline plan = planWithC(Map.of("e", List.of(new Trigger.Users(50)),
                "b", List.of(new Trigger.OnDate(LocalDate.parse("2026-03-01")))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "0"), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 0 means the move had to start"
                + " before the first user signed up, and the loader requires a users trigger of"
                + " at least 1, so no users trigger on 'a' starts it in time. To follow the"
                + " advice, give 'a' a date trigger after 2026-02-26 (the start date) and before"
                + " 2026-03-01 (the date trigger of 'b'). Sweep again after the change, since a"
                + " move started sooner changes what fails next."
                + " The date trigger of 'b' (2026-03-01) will fire as soon as its phase serves"
                + " when it goes live after that date, so that move can start on another"
                + " day too."), notes);
    }

    @Test
    void of_zeroUsersNoDay_saysSo() {
        PlanOutline plan = plan(List.of(new Trigger.Users(50),
                new Trigger.OnDate(LocalDate.parse("2026-03-02"))), List.of());

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "0"), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 0 means the move had to start"
                + " before the first user signed up, and the loader requires a users trigger of"
                + " at least 1, so no users trigger on 'a' starts it in time. Nor does a date"
                + " trigger, which must come after 2026-03-02 (the date trigger of 'e') and no"
                + " later than its start_by_p10 of 2026-03-02: no day fits, so the plan cannot"
                + " start the move in time as it is."), notes);
    }

    @Test
    void of_aboveLaterUsers_bothWays() {
        // The users trigger of b, 30, starts the move b -> c, and the advice of 40 on a is not
        // below it. Nothing follows c, so only the loader's greatest bounds b's raised trigger.
        PlanOutline plan = planWithC(Map.of(
                "a", List.of(new Trigger.LatencyP95(Duration.ofSeconds(2))),
                "b", List.of(new Trigger.Users(30))));

        List<String> notes = TriggerOrderNotes.of(changes(plan), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not below the users"
                + " trigger of the later phase 'b' (30), and the loader requires users triggers"
                + " to increase from phase to phase. To follow the advice, raise the users"
                + " trigger of 'b' above 40 and no higher than 2147483647, the greatest the"
                + " loader accepts, and give 'a' a users trigger no higher than 40, or give 'a'"
                + " a date trigger after 2026-02-26 (the start date) and no later than its"
                + " start_by_p10 of 2026-03-02. Sweep again after the change, since a move"
                + " started sooner changes what fails next."), notes);
    }

    @Test
    void of_aboveLaterUsers_betweenFloorAndCeiling() {
        // b (35) and c (38) are in the way of 40, f (50) is above it and d (30) below it, so b
        // and c go to 41 to 49, and a to 31 to 40.
        PlanOutline plan = planOf(List.of("d", "a", "b", "c", "f", "g"), Map.of(
                "d", List.of(new Trigger.Users(30)),
                "a", List.of(new Trigger.LatencyP95(Duration.ofSeconds(2))),
                "b", List.of(new Trigger.Users(35)), "c", List.of(new Trigger.Users(38)),
                "f", List.of(new Trigger.Users(50))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "40"), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not below the users"
                + " triggers of the later phases 'b' (35) and 'c' (38), and the loader requires"
                + " users triggers to increase from phase to phase. To follow the advice, raise"
                + " the users triggers of 'b' and 'c', in increasing order, above 40 but below"
                + " that of 'f' (50) and give 'a' a users trigger above that of 'd' (30) and no"
                + " higher than 40, or give 'a' a date trigger after 2026-02-26 (the start date)"
                + " and no later than its start_by_p10 of 2026-03-02. Sweep again after the"
                + " change, since a move started sooner changes what fails next."), notes);
    }

    @Test
    void of_equalsLaterUsers_noted() {
        PlanOutline plan = planWithC(Map.of("b", List.of(new Trigger.Users(40))));

        List<String> notes = TriggerOrderNotes.of(changes(plan), plan);

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).startsWith("Move a -> b: its users_trigger_p10 of 40 is"
                + " not below the users trigger of the later phase 'b' (40), and"), notes.get(0));
    }

    @Test
    void of_belowLaterUsers_noNote() {
        PlanOutline plan = planWithC(Map.of("b", List.of(new Trigger.Users(41))));

        assertEquals(List.of(), TriggerOrderNotes.of(changes(plan), plan));
    }

    @Test
    void of_oldPhaseUsersAtOrBelowAdvice_noNote() {
        // a already has a users trigger the advice accepts, so the loader rejects nothing.
        PlanOutline plan = planWithC(Map.of("a", List.of(new Trigger.Users(40)),
                "b", List.of(new Trigger.Users(41))));
        PlanOutline lower = planWithC(Map.of("a", List.of(new Trigger.Users(20)),
                "b", List.of(new Trigger.Users(30))));

        assertEquals(List.of(), TriggerOrderNotes.of(moveToB("2026-03-02", "40"), plan));
        assertEquals(List.of(), TriggerOrderNotes.of(moveToB("2026-03-02", "40"), lower));
    }

    @Test
    void of_laterCeilingLeavesNoRoom_dateOnly() {
        // b (39) and c (40) need two counts above 40 and below f (42), where only 41 is.
        PlanOutline plan = planOf(List.of("a", "b", "c", "f", "g"), Map.of(
                "a", List.of(new Trigger.LatencyP95(Duration.ofSeconds(2))),
                "b", List.of(new Trigger.Users(39)), "c", List.of(new Trigger.Users(40)),
                "f", List.of(new Trigger.Users(42))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "40"), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not below the users"
                + " triggers of the later phases 'b' (39) and 'c' (40), and the loader requires"
                + " users triggers to increase from phase to phase. To follow the advice, give"
                + " 'a' a date trigger after 2026-02-26 (the start date) and no later than its"
                + " start_by_p10 of 2026-03-02. Sweep again after the change, since a move"
                + " started sooner changes what fails next."), notes);
    }

    @Test
    void of_laterCeilingLeavesTwoCounts_raiseOffered() {
        // With f at 43, b and c fit at 41 and 42.
        PlanOutline plan = planOf(List.of("a", "b", "c", "f", "g"), Map.of(
                "a", List.of(new Trigger.LatencyP95(Duration.ofSeconds(2))),
                "b", List.of(new Trigger.Users(39)), "c", List.of(new Trigger.Users(40)),
                "f", List.of(new Trigger.Users(43))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "40"), plan);

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).contains("To follow the advice, raise the users triggers"
                + " of 'b' and 'c', in increasing order, above 40 but below that of 'f' (43) and"
                + " give 'a' a users trigger no higher than 40, or give 'a' a date trigger"),
                notes.get(0));
    }

    @Test
    void of_laterNoRoomNoDay_saysSo() {
        PlanOutline plan = planOf(List.of("e", "a", "b", "c", "f"), Map.of(
                "e", List.of(new Trigger.OnDate(LocalDate.parse("2026-03-02"))),
                "a", List.of(new Trigger.LatencyP95(Duration.ofSeconds(2))),
                "b", List.of(new Trigger.Users(40)), "c", List.of(new Trigger.Users(41))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "40"), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 40 is not below the users"
                + " trigger of the later phase 'b' (40), and the loader requires users triggers"
                + " to increase from phase to phase. Neither change fits the plan as it is:"
                + " raising the users trigger of 'b' above 40 leaves no room below that of 'c'"
                + " (41), and a date trigger on 'a' must come after 2026-03-02 (the date trigger"
                + " of 'e') and no later than its start_by_p10 of 2026-03-02, where no day fits."
                + " Change those triggers first."), notes);
    }

    @Test
    void of_laterAtLoaderGreatest_noRoomNoDay() {
        // No count is above 2147483647, and c's date trigger leaves no day after the start.
        PlanOutline plan = planWithC(Map.of("b", List.of(new Trigger.Users(2_147_483_647L),
                new Trigger.OnDate(LocalDate.parse("2026-02-27")))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "2147483647"), plan);

        assertEquals(List.of("Move a -> b: its users_trigger_p10 of 2147483647 is not below the"
                + " users trigger of the later phase 'b' (2147483647), and the loader requires"
                + " users triggers to increase from phase to phase. Neither change fits the plan"
                + " as it is: raising the users trigger of 'b' above 2147483647 leaves no room up"
                + " to 2147483647, the greatest users trigger the loader accepts, and a date"
                + " trigger on 'a' must come after 2026-02-26 (the start date) and before"
                + " 2026-02-27 (the date trigger of 'b'), where no day fits. Change those"
                + " triggers first."
                + " The date trigger of 'b' (2026-02-27) will fire as soon as its phase serves"
                + " when it goes live after that date, so that move can start on another"
                + " day too."), notes);
    }

    @Test
    void of_laterOneBelowLoaderGreatest_raiseOffered() {
        PlanOutline plan = planWithC(Map.of("b", List.of(new Trigger.Users(2_147_483_646L),
                new Trigger.OnDate(LocalDate.parse("2026-02-27")))));

        List<String> notes = TriggerOrderNotes.of(moveToB("2026-03-02", "2147483646"), plan);

        assertEquals(1, notes.size());
        assertEquals(true, notes.get(0).contains("To follow the advice, raise the users trigger"
                + " of 'b' above 2147483646 and no higher than 2147483647, the greatest the"
                + " loader accepts, and give 'a' a users trigger no higher than 2147483646."
                + " Sweep again"), notes.get(0));
    }
}
