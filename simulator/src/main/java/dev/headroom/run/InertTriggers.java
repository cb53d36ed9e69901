package dev.headroom.run;

import dev.headroom.scenario.Backend;
import dev.headroom.scenario.Latency;
import dev.headroom.scenario.Phase;
import dev.headroom.scenario.Scenario;
import dev.headroom.scenario.Trigger;
import java.util.List;
import java.util.Optional;

/**
 * Finds the triggers that a phase's backend can never meet, whatever the workload. Google
 * Sheets is free, so its monthly cost stays 0 unless a Redis cache or a priced archive job adds
 * a bill, and PostgreSQL has no quota that throttles. A SQL
 * backend whose calls take no time has no latency and no wait for SQLite's write lock.
 */
final class InertTriggers {

    private InertTriggers() {
    }

    /** Returns why {@code trigger} of phase {@code index} cannot fire, or nothing. */
    static Optional<String> reason(Trigger trigger, int index, Scenario scenario) {
        Phase phase = scenario.plan().phases().get(index);
        Backend backend = phase.backend();
        String name = phase.name();
        if (trigger instanceof Trigger.MonthlyCost && freeUpTo(index, scenario)) {
            return Optional.of("never fires: phase '" + name + "' and the phases before it run"
                    + " on Google Sheets without a Redis cache or an archive job with a"
                    + " cost_per_run, and Sheets' API is free of charge, so its monthly cost"
                    + " stays $0; give it another trigger, or remove it");
        }
        if (trigger instanceof Trigger.ThrottledCallsPerDay) {
            if (backend instanceof Backend.Postgres) {
                return Optional.of("never fires: PostgreSQL has no quota, so no call of phase '"
                        + name + "' is throttled, and its connection and storage limits fail"
                        + " calls instead; use failed_requests_per_day, or remove it");
            }
            if (backend instanceof Backend.SqliteEfs && instantLatencyField(backend, scenario)
                    .isPresent()) {
                return Optional.of("never fires: sqlite_efs.latency is 0, so no write of phase '"
                        + name + "' holds the write lock and no call waits for it; set"
                        + " sqlite_efs.latency, or remove it");
            }
        }
        Optional<String> field = instantLatencyField(backend, scenario);
        if (trigger instanceof Trigger.LatencyP95 && field.isPresent()) {
            return Optional.of("never fires: " + field.get() + " is 0, so every call of phase '"
                    + name + "' takes 0 ms; set " + field.get() + ", or remove it");
        }
        return Optional.empty();
    }

    /**
     * Returns the latency field of a SQL backend whose calls take no time, and so never wait
     * for each other either. Sheets and DynamoDB calls can wait out throttles with a latency of
     * 0, so for them the result is empty.
     */
    private static Optional<String> instantLatencyField(Backend backend, Scenario scenario) {
        if (backend instanceof Backend.Postgres && instant(scenario.postgres().latency())) {
            return Optional.of("postgres.latency");
        }
        if (backend instanceof Backend.SqliteEfs && instant(scenario.sqliteEfs().latency())) {
            return Optional.of("sqlite_efs.latency");
        }
        return Optional.empty();
    }

    /**
     * Returns whether phase {@code index} and every phase before it have no hosting cost: each
     * runs on Sheets with no Redis cache, and none runs an archive job that has a price.
     */
    private static boolean freeUpTo(int index, Scenario scenario) {
        List<Phase> phases = scenario.plan().phases();
        for (int earlier = 0; earlier <= index; earlier++) {
            Backend backend = phases.get(earlier).backend();
            boolean sheets = backend instanceof Backend.Sheets
                    || backend instanceof Backend.ShardedSheets
                    || backend instanceof Backend.SharedLogSheets;
            boolean pricedArchive = backend.usesArchive()
                    && scenario.sheetsArchive().costPerRunMicros() > 0;
            if (!sheets || backend.usesRedisCache() || pricedArchive) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether every call with {@code latency} takes no time. */
    private static boolean instant(Latency latency) {
        return latency.base().mean().isZero() && latency.perThousandRows().isZero();
    }
}
