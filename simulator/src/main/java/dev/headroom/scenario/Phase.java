package dev.headroom.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One phase of the plan.
 *
 * @param name a short name for reports, unique within the plan
 * @param backend the storage backend that serves while this phase is live
 * @param migration the work to move from the previous phase to this one. The first phase's
 *     effort, if any, is charged at the start, as for a plan that starts on a new backend, and
 *     its lead time is zero
 * @param nextWhen the conditions that start the migration to the next phase, any one of which
 *     suffices; empty for the last phase
 */
public record Phase(String name, Backend backend, Migration migration, List<Trigger> nextWhen) {

    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(migration, "migration");
        nextWhen = List.copyOf(nextWhen);
    }
}
