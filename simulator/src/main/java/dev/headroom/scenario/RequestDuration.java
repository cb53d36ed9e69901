package dev.headroom.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a chat request runs between its credit check and the row that logs its cost: a base
 * drawn from a distribution plus a fixed time per thousand completion tokens.
 *
 * @param base the duration of a request with no completion tokens
 * @param perThousandTokensOut time added per 1,000 completion tokens; zero for none
 */
public record RequestDuration(DurationDistribution base, Duration perThousandTokensOut) {

    public RequestDuration {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(perThousandTokensOut, "perThousandTokensOut");
    }
}
