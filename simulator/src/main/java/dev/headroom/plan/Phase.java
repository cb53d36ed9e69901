package dev.headroom.plan;

/**
 * One phase of a plan: the backend that serves the ledger, what it took to build, and when to
 * move on.
 *
 * @param name the phase's name for reports, such as {@code multi-sheet}
 * @param backend a description of the backend, such as {@code sheets-sharded x5 char-sum}
 * @param factory creates the backend when the phase goes live
 * @param standby the fixed price of the phase's store from the start of the migration to it
 *     until it goes live
 * @param effortHours development hours to build this phase; the first phase's hours are charged
 *     on day 0, a later phase's when the migration to it starts
 * @param leadTimeMillis simulated time from the trigger to this phase going live
 * @param next the trigger that starts the migration to the following phase
 */
public record Phase(
        String name,
        String backend,
        BackendFactory factory,
        StandbyBill standby,
        long effortHours,
        long leadTimeMillis,
        Trigger next) {

    public Phase {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("phase name is missing");
        }
        if (standby == null) {
            throw new IllegalArgumentException("phase " + name + ": standby bill is missing");
        }
        if (effortHours < 0) {
            throw new IllegalArgumentException("phase " + name + ": effort is " + effortHours
                    + " hours; it must not be negative");
        }
        if (leadTimeMillis < 0) {
            throw new IllegalArgumentException("phase " + name + ": lead time is "
                    + leadTimeMillis + " ms; it must not be negative");
        }
    }

    /** Creates a phase whose store has no fixed price before it goes live. */
    public Phase(String name, String backend, BackendFactory factory, long effortHours,
            long leadTimeMillis, Trigger next) {
        this(name, backend, factory, StandbyBill.NONE, effortHours, leadTimeMillis, next);
    }
}
