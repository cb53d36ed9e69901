package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Latency of one API call: a draw from a base distribution plus a fixed time per thousand rows
 * in the tab or partition the call reads or writes.
 *
 * @param base latency of a call on an empty tab or partition
 * @param perThousandRows time added per 1,000 rows; zero when latency does not grow
 */
public record Latency(DurationDistribution base, Duration perThousandRows) {

    public Latency {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(perThousandRows, "perThousandRows");
    }
}
