/**
 * The discrete-event engine: a virtual clock in simulated milliseconds, a pending-event queue
 * and named, independently seeded random streams. It reads no wall clock and knows nothing of
 * storage backends.
 *
 * <p>Ordering: events run in order of their time, and events at the same time run in the order
 * they were scheduled. Random streams: each stream's seed is derived from the scenario's seed and
 * the stream's name alone, so adding draws to one stream never shifts the draws of another.
 */
package dev.headroom.engine;
