package dev.headroom.workload;

import dev.headroom.engine.SimTime;

/**
 * One configured point of a growth curve.
 *
 * @param millis simulated time in milliseconds since the start of the run
 * @param users active users at that time, zero or more
 */
public record GrowthPoint(long millis, double users) {

    public GrowthPoint {
        Checks.notNegative(millis, "growth point time (ms)");
        Checks.notNegative(users, "growth point users");
    }

    double days() {
        return SimTime.toDays(millis);
    }
}
