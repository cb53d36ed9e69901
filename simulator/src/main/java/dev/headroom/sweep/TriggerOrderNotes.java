package dev.headroom.sweep;

import dev.headroom.scenario.Trigger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Builds the notes printed after a sweep's tables for each move whose {@code users_trigger_p10}
 * the scenario loader would reject on the old phase. The loader requires users triggers to
 * increase from phase to phase, so a count at or below an earlier phase's users trigger cannot
 * be written as it is. Each note names the move, the count, the earlier phases in the way,
 * and the changes the loader accepts: lower those phases' users triggers, or start the move with
 * a date trigger by its {@code start_by_p10} and before any later phase's date trigger. A count
 * at or above a later phase's users trigger, the threshold of a later move, is rejected too, when
 * the old phase has no users trigger at or below the count already. Its note names the later
 * phases in the way and offers to raise their users triggers above the count, below the next
 * later users trigger or the loader's greatest, or the same date trigger. A count
 * of 0, where the move had to start before the first user signed up, is below the loader's
 * least users trigger of 1, so its note offers the date trigger alone, with or without earlier
 * users triggers. A note also warns when a later phase has a monthly_cost or a date trigger,
 * whose day moves with the move's start. A plan with no such move gets no notes.
 */
public final class TriggerOrderNotes {

    private static final String SWEEP_AGAIN = ". Sweep again after the change, since a move"
            + " started sooner changes what fails next.";

    private TriggerOrderNotes() {
    }

    /** Returns one note per move of {@code sweep-changes} whose advice is out of order. */
    public static List<String> of(Table changes, PlanOutline plan) {
        List<String> notes = new ArrayList<>();
        for (int row = 0; row < changes.rowCount(); row++) {
            String change = changes.stringColumn("change").get(row);
            String advice = changes.stringColumn("users_trigger_p10").get(row);
            int from = oldPhase(change, plan.phases());
            if (from < 0 || advice.equals(SweepTables.NOT_REACHED)) {
                continue;
            }
            EarlierTriggers earlier = EarlierTriggers.of(plan, from, Long.parseLong(advice));
            DateWindow window = DateWindow.of(changes.stringColumn("start_by_p10").get(row),
                    laterDate(plan, from));
            if (earlier.advice() < 1) {
                notes.add(beforeFirstUser(change, plan.phases().get(from), earlier, window)
                        + laterTriggers(plan, from));
            } else if (!earlier.inTheWay().isEmpty()) {
                notes.add(note(change, plan.phases().get(from), earlier, window)
                        + laterTriggers(plan, from));
            } else {
                LaterTriggers later = LaterTriggers.of(plan, from, earlier.advice());
                if (!later.inTheWay().isEmpty() && !hasUsersAtMost(plan.triggers(
                        plan.phases().get(from)), earlier.advice())) {
                    notes.add(laterNote(change, plan.phases().get(from), earlier, later, window)
                            + laterTriggers(plan, from));
                }
            }
        }
        return notes;
    }

    /**
     * Returns whether {@code triggers} hold a users trigger at or below {@code users}. Such a
     * trigger on the old phase already follows the advice, so the loader rejects nothing.
     */
    private static boolean hasUsersAtMost(List<Trigger> triggers, long users) {
        return triggers.stream().anyMatch(trigger -> trigger instanceof Trigger.Users own
                && own.users() <= users);
    }

    /** Returns the plan index of the phase a move leaves, or -1 if the plan has none. */
    private static int oldPhase(String change, List<String> phases) {
        for (int index = 0; index < phases.size() - 1; index++) {
            if (change.startsWith(phases.get(index) + " -> ")) {
                return index;
            }
        }
        return -1;
    }

    /**
     * Returns the first date trigger of the phases after the old one, or null. Date triggers
     * increase, so a date trigger on the old phase must come before it.
     */
    private static LaterDate laterDate(PlanOutline plan, int from) {
        List<String> phases = plan.phases();
        for (String phase : phases.subList(from + 1, phases.size())) {
            for (Trigger trigger : plan.triggers(phase)) {
                if (trigger instanceof Trigger.OnDate date) {
                    return new LaterDate(phase, date.date());
                }
            }
        }
        return null;
    }

    private static String note(String change, String from, EarlierTriggers earlier,
            DateWindow window) {
        List<String> options = new ArrayList<>();
        if (earlier.roomBelowAdvice()) {
            String aboveFloor = "";
            if (earlier.floorPhase() != null) {
                aboveFloor = " but above that of '" + earlier.floorPhase() + "' ("
                        + earlier.floor() + ")";
            }
            options.add("lower the users " + plural(earlier.inTheWay(), "trigger") + " of "
                    + names(earlier.inTheWay()) + " below " + earlier.advice() + aboveFloor
                    + " and give '" + from + "' a users trigger above "
                    + pronoun(earlier.inTheWay())
                    + " and no higher than " + earlier.advice());
        }
        if (window.fitsAfter(earlier.lastDate())) {
            options.add(dateOption(from, earlier, window));
        }
        String advice = "Move " + change + ": its users_trigger_p10 of " + earlier.advice()
                + " is not above the users " + plural(earlier.inTheWay(), "trigger") + " of "
                + thresholds("earlier", earlier.inTheWay()) + ", and the loader requires users"
                + " triggers to increase from phase to phase. ";
        if (options.isEmpty()) {
            return advice + "Neither lowering the users " + plural(earlier.inTheWay(), "trigger")
                    + " of " + names(earlier.inTheWay()) + " below " + earlier.advice()
                    + " nor a date trigger on '" + from + "' by its start_by_p10 of "
                    + window.startBy() + " fits that order with the other triggers of the phases"
                    + " before '" + from + "'" + window.laterTrigger()
                    + " as they are, so change those first.";
        }
        return advice + "To follow the advice, " + String.join(", or ", options) + SWEEP_AGAIN;
    }

    /**
     * Returns the note of a move whose users_trigger_p10 is at or above the users triggers of
     * later phases. The old phase has no users trigger at or below the count. It can take one
     * only once those later triggers are raised above the count, each above the one before and
     * below the next later users trigger or the loader's greatest. The old phase's trigger stays
     * above the earlier ones, which are all below the count.
     */
    private static String laterNote(String change, String from, EarlierTriggers earlier,
            LaterTriggers later, DateWindow window) {
        long advice = earlier.advice();
        List<PhaseTrigger> inTheWay = later.inTheWay();
        String advise = "Move " + change + ": its users_trigger_p10 of " + advice
                + " is not below the users " + plural(inTheWay, "trigger") + " of "
                + thresholds("later", inTheWay) + ", and the loader requires users triggers to"
                + " increase from phase to phase. ";
        String raise = "raising the users " + plural(inTheWay, "trigger") + " of "
                + names(inTheWay) + " above " + advice;
        boolean dateFits = window.fitsAfter(earlier.lastDate());
        if (!later.roomAboveAdvice() && !dateFits) {
            String ceiling = later.ceilingPhase() != null
                    ? " below that of '" + later.ceilingPhase() + "' (" + later.ceiling() + ")"
                    : " up to " + LaterTriggers.MAX_USERS
                            + ", the greatest users trigger the loader accepts";
            return advise + "Neither change fits the plan as it is: " + raise
                    + " leaves no room" + ceiling + ", and a date trigger on '" + from
                    + "' must come after " + earlier.lastDate() + " ("
                    + earlier.lastDateSource() + ") and " + window.bound()
                    + ", where no day fits. Change those triggers first.";
        }
        List<String> options = new ArrayList<>();
        if (later.roomAboveAdvice()) {
            String ceiling = later.ceilingPhase() != null
                    ? " but below that of '" + later.ceilingPhase() + "' (" + later.ceiling()
                            + ")"
                    : " and no higher than " + LaterTriggers.MAX_USERS
                            + ", the greatest the loader accepts,";
            String own = earlier.floorPhase() != null
                    ? "above that of '" + earlier.floorPhase() + "' (" + earlier.floor()
                            + ") and no higher than " + advice
                    : "no higher than " + advice;
            options.add("raise the users " + plural(inTheWay, "trigger") + " of "
                    + names(inTheWay) + (inTheWay.size() > 1 ? ", in increasing order," : "")
                    + " above " + advice + ceiling + " and give '" + from + "' a users trigger "
                    + own);
        }
        if (dateFits) {
            options.add(dateOption(from, earlier, window));
        }
        return advise + "To follow the advice, " + String.join(", or ", options) + SWEEP_AGAIN;
    }

    /**
     * Returns the note of a move whose users_trigger_p10 is 0. The move had to start before
     * the first user signed up, and the loader rejects a users trigger below 1, so only a date
     * trigger on the old phase can start it in time. Earlier users triggers do not matter,
     * because the loader orders date triggers apart from them.
     */
    private static String beforeFirstUser(String change, String from, EarlierTriggers earlier,
            DateWindow window) {
        String advice = "Move " + change + ": its users_trigger_p10 of 0 means the move had to"
                + " start before the first user signed up, and the loader requires a users"
                + " trigger of at least 1, so no users trigger on '" + from + "' starts it in"
                + " time. ";
        if (!window.fitsAfter(earlier.lastDate())) {
            return advice + "Nor does a date trigger, which must come after "
                    + earlier.lastDate() + " (" + earlier.lastDateSource() + ") and "
                    + window.bound() + ": no day fits, so the plan cannot start the move in"
                    + " time as it is.";
        }
        return advice + "To follow the advice, " + dateOption(from, earlier, window)
                + SWEEP_AGAIN;
    }

    /** Returns the advice to give the old phase a date trigger within {@code window}. */
    private static String dateOption(String from, EarlierTriggers earlier, DateWindow window) {
        return "give '" + from + "' a date trigger after " + earlier.lastDate() + " ("
                + earlier.lastDateSource() + ") and " + window.bound();
    }

    /** Returns the sentences that warn of later phases' triggers whose day can move. */
    private static String laterTriggers(PlanOutline plan, int from) {
        return costTriggers(plan, from) + dateTriggers(plan, from);
    }

    /**
     * Returns the sentence that warns of the date triggers on the phases after the old one, or
     * an empty text. A phase that goes live after its trigger's date starts its move when its
     * triggers are first checked. A move off the old phase started sooner brings such a phase
     * sooner, so its move can start sooner too.
     */
    private static String dateTriggers(PlanOutline plan, int from) {
        List<String> phases = plan.phases();
        List<String> dated = new ArrayList<>();
        for (String phase : phases.subList(from + 1, phases.size())) {
            for (Trigger trigger : plan.triggers(phase)) {
                if (trigger instanceof Trigger.OnDate onDate) {
                    dated.add("'" + phase + "' (" + onDate.date() + ")");
                }
            }
        }
        if (dated.isEmpty()) {
            return "";
        }
        if (dated.size() == 1) {
            return " The date trigger of " + dated.get(0) + " will fire as soon as its phase"
                    + " serves when it goes live after that date, so that move can start on"
                    + " another day too.";
        }
        return " The date triggers of " + joined(dated) + " will fire as soon as their phases"
                + " serve when they go live after those dates, so those moves can start on"
                + " other days too.";
    }

    /**
     * Returns the sentence that warns of the monthly_cost triggers on the phases after the old
     * one, or an empty text. Each fires on its own phase's hosting, so a move off
     * the old phase started sooner moves the day it fires as well.
     */
    private static String costTriggers(PlanOutline plan, int from) {
        List<String> phases = plan.phases();
        List<String> priced = new ArrayList<>();
        for (String phase : phases.subList(from + 1, phases.size())) {
            if (plan.triggers(phase).stream().anyMatch(Trigger.MonthlyCost.class::isInstance)) {
                priced.add("'" + phase + "'");
            }
        }
        if (priced.isEmpty()) {
            return "";
        }
        return " The monthly_cost " + (priced.size() == 1 ? "trigger" : "triggers") + " of "
                + joined(priced) + " will fire on another day too, since the phases after '"
                + phases.get(from) + "' start serving, and paying, on other days.";
    }

    private static String plural(List<PhaseTrigger> triggers, String word) {
        return triggers.size() == 1 ? word : word + "s";
    }

    private static String pronoun(List<PhaseTrigger> triggers) {
        return triggers.size() == 1 ? "it" : "them";
    }

    /** Returns the phases quoted and joined with commas and a final "and". */
    private static String names(List<PhaseTrigger> triggers) {
        return joined(triggers.stream().map(trigger -> "'" + trigger.phase() + "'").toList());
    }

    /**
     * Returns each phase with its users threshold, joined as {@link #names} joins them, after
     * "the earlier phase" or "the later phases", chosen by {@code side} and their number.
     */
    private static String thresholds(String side, List<PhaseTrigger> triggers) {
        String phases = triggers.size() == 1 ? " phase " : " phases ";
        return "the " + side + phases + joined(triggers.stream().map(trigger -> "'"
                + trigger.phase() + "' (" + trigger.users() + ")").toList());
    }

    private static String joined(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and "
                + items.get(items.size() - 1);
    }
}
