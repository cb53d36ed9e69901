/**
 * Migration plans: an ordered list of phases, each serving the ledger from one backend, and the
 * trigger conditions that start the migration from one phase to the next.
 *
 * <p>Timing: triggers are evaluated once per simulated day, on that day's metrics. When a
 * trigger holds, the migration to the next phase starts at the end of that day and the next phase
 * goes live after the migration's calendar lead time. Until then the old backend keeps serving,
 * so a limit that binds in the meantime fails requests or sign-ups: the run reports them as an
 * outage. Only one migration runs at a time.
 *
 * <p>Costs: a migration's development cost is its effort in hours times the plan's hourly rate,
 * charged in the simulated year in which the migration starts. A phase's {@link
 * dev.headroom.plan.StandbyBill} prices the instances and nodes it pays for during that time.
 */
package dev.headroom.plan;
