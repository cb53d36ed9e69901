package dev.headroom.jdbc;

import java.time.Instant;

/**
 * A user's balance as of a cut-off, stored so that a balance read sums only the rows after it.
 *
 * @param userEmail the user's email address
 * @param cutoff the snapshot covers rows stamped strictly before this instant
 * @param balanceMicros signed sum of those rows in micro-dollars: credits add, usage subtracts
 */
public record BalanceSnapshot(String userEmail, Instant cutoff, long balanceMicros) {
}
