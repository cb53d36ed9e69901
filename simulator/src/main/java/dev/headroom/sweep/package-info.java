/**
 * Seed sweeps: the same scenario run under several seeds, and tables that show how far the
 * results move from seed to seed. For each limit, the earliest, median and latest day it bound;
 * for each seed, the first limit to bind and the total cost.
 *
 * <p>The tables depend only on the runs' projections, listed in the order the seeds were given,
 * so the same scenario and seeds give the same tables.
 */
package dev.headroom.sweep;
