package dev.headroom.sweep;

import dev.headroom.scenario.Trigger;
import java.util.ArrayList;
import java.util.List;

/**
 * The users triggers of the phases after a move's old phase, seen against its advised
 * count. A loaded plan's users triggers increase, so those in the way come first.
 *
 * @param advice the move's users_trigger_p10
 * @param inTheWay the later users triggers at or below the advice, in plan order
 * @param ceiling the first later users trigger above the advice, or one more than the
 *     loader's greatest
 * @param ceilingPhase the phase whose users trigger is the ceiling, or null
 */
record LaterTriggers(long advice, List<PhaseTrigger> inTheWay, long ceiling,
        String ceilingPhase) {

    /** The greatest users trigger the loader accepts. */
    static final long MAX_USERS = Integer.MAX_VALUE;

    static LaterTriggers of(PlanOutline plan, int from, long advice) {
        List<PhaseTrigger> inTheWay = new ArrayList<>();
        List<String> phases = plan.phases();
        for (String phase : phases.subList(from + 1, phases.size())) {
            for (Trigger trigger : plan.triggers(phase)) {
                if (trigger instanceof Trigger.Users users && users.users() <= advice) {
                    inTheWay.add(new PhaseTrigger(phase, users.users()));
                } else if (trigger instanceof Trigger.Users users) {
                    return new LaterTriggers(advice, inTheWay, users.users(), phase);
                }
            }
        }
        return new LaterTriggers(advice, inTheWay, MAX_USERS + 1, null);
    }

    /**
     * Returns whether whole counts fit above the advice for each trigger in the way,
     * raised, each above the one before and below the ceiling.
     */
    boolean roomAboveAdvice() {
        return ceiling - advice > inTheWay.size();
    }
}
