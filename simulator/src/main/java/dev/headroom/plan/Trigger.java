package dev.headroom.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The conditions that start the migration to the next phase; the trigger holds on a day when
 * any one of them holds. A trigger without conditions never holds.
 *
 * @param anyOf the conditions, checked in order
 */
public record Trigger(List<Condition> anyOf) {

    public Trigger {
        anyOf = List.copyOf(anyOf);
    }

    /** Returns a trigger that never holds, for the last phase of a plan. */
    public static Trigger never() {
        return new Trigger(List.of());
    }

    /** Returns a trigger of the given conditions. */
    public static Trigger anyOf(Condition... conditions) {
        return new Trigger(List.of(conditions));
    }

    /** Returns the first condition that holds for the day, if any. */
    public Optional<Condition> firstMet(DayObservation day) {
        for (Condition condition : anyOf) {
            if (condition.holds(day)) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** Returns a description for reports, such as {@code users >= 800 or date >= 2027-01-01}. */
    public String describe() {
        if (anyOf.isEmpty()) {
            return "never";
        }
        return anyOf.stream().map(Condition::describe).collect(Collectors.joining(" or "));
    }
}
