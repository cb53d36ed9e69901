/**
 * Seed sweeps: the seeds of {@code headroom sweep}, the same scenario run under each, and tables
 * that show how far the results move from seed to seed. For each limit, the earliest, 10th
 * percentile, median, 90th percentile and latest day it bound; for each phase change, the same
 * spread of its start, its start-by day and the {@code users} trigger that would have met it;
 * for each seed, the first limit to bind, its failures and the total cost; and the notes on
 * advised {@code users} triggers that the scenario loader would reject.
 *
 * <p>{@link dev.headroom.sweep.SeedList} returns the seeds in ascending order, and the tables
 * depend only on the runs' projections in that order. So the same scenario and set of seeds
 * give the same tables, whatever order the seeds were named in.
 */
package dev.headroom.sweep;
