package dev.headroom.plan;

import dev.headroom.model.BackendModel;

/**
 * Creates the backend model of a phase when the phase goes live.
 *
 * <p>A factory decides what the migration carries over, and its implementation states it: for
 * example the plan's sharded Sheets keeps the old workbook as shard 0 with its users in place,
 * and a DynamoDB backend is backfilled with every existing user's rows.
 */
@FunctionalInterface
public interface BackendFactory {

    /**
     * Creates the backend.
     *
     * @param previous the backend that served until now, or {@code null} for the first phase
     * @param users the users who already exist, with their stored rows
     * @param now the simulated time the phase goes live, in milliseconds since the run started
     */
    BackendModel create(BackendModel previous, ExistingUsers users, long now);
}
