package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * The work of moving into a phase.
 *
 * @param effortHours developer hours, charged at the plan's hourly rate
 * @param leadTime calendar time from the trigger until the new phase is live; the previous
 *     phase's backend keeps serving meanwhile
 */
public record Migration(long effortHours, Duration leadTime) {

    /** No work: the phase is live from the start. */
    public static final Migration NONE = new Migration(0, Duration.ZERO);

    public Migration {
        Objects.requireNonNull(leadTime, "leadTime");
    }
}
