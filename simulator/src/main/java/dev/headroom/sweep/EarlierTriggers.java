package dev.headroom.sweep;

import dev.headroom.scenario.Trigger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The triggers of the phases before a move's old phase, seen against its advised count.
 *
 * @param advice the move's users_trigger_p10
 * @param inTheWay the earlier users triggers at or above the advice, in plan order
 * @param floor the highest earlier users trigger below the advice, or 0
 * @param floorPhase the phase whose users trigger is the floor, or null
 * @param lastDate the latest earlier date trigger, or the start date, which a date trigger
 *     on the old phase must come after
 * @param lastDateSource what {@code lastDate} is, in words
 */
record EarlierTriggers(long advice, List<PhaseTrigger> inTheWay, long floor,
        String floorPhase, LocalDate lastDate, String lastDateSource) {

    static EarlierTriggers of(PlanOutline plan, int from, long advice) {
        List<PhaseTrigger> inTheWay = new ArrayList<>();
        long floor = 0;
        String floorPhase = null;
        LocalDate lastDate = LocalDate.parse(plan.startDate());
        String lastDateSource = "the start date";
        for (String phase : plan.phases().subList(0, from)) {
            for (Trigger trigger : plan.triggers(phase)) {
                if (trigger instanceof Trigger.Users users && users.users() >= advice) {
                    inTheWay.add(new PhaseTrigger(phase, users.users()));
                } else if (trigger instanceof Trigger.Users users
                        && users.users() > floor) {
                    floor = users.users();
                    floorPhase = phase;
                } else if (trigger instanceof Trigger.OnDate date
                        && date.date().isAfter(lastDate)) {
                    lastDate = date.date();
                    lastDateSource = "the date trigger of '" + phase + "'";
                }
            }
        }
        return new EarlierTriggers(advice, inTheWay, floor, floorPhase, lastDate,
                lastDateSource);
    }

    /**
     * Returns whether whole counts fit between the floor and the advice for each trigger in
     * the way, lowered, and then the old phase's own, each above the one before.
     */
    boolean roomBelowAdvice() {
        return advice - floor > inTheWay.size();
    }
}
