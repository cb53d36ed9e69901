/**
 * Shard routers: deterministic functions from a user's email to one of N shards (workbooks or
 * tables). Every router returns the same shard for the same key and shard count, always in
 * {@code [0, shardCount)}.
 *
 * <p>Routers differ in spread and in how many keys move when the shard count grows. The plan's
 * character-code sum spreads poorly and moves most keys; the SHA-256 prefix spreads evenly and
 * also moves most keys; jump consistent hash, rendezvous hashing and a ring with virtual nodes
 * move about {@code 1/(N+1)} of the keys when a shard is added, and a balanced slot table
 * moves about as few. {@link dev.headroom.routing.StickyRouter} keeps every placed key on its
 * shard whatever the delegate router returns, and
 * {@link dev.headroom.routing.EffectiveCapacity} counts the users a router places before the
 * first workbook fills.
 */
package dev.headroom.routing;
