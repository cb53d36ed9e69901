/**
 * Typed, immutable scenario records and their YAML loader: what to simulate, for how long,
 * against which limits and prices, and along which plan of phases.
 *
 * <p>{@link dev.headroom.scenario.Scenarios} is the entry point. It loads a file or the bundled
 * seed plan, reports every problem of a file with its line, column and field path, and computes
 * a canonical hash of the effective scenario for output headers. Durations are
 * {@link java.time.Duration} values (a year is 365 days), money is exact micro-dollars in
 * {@code long} fields whose names contain {@code Micros}, such as {@code instanceMicrosPerHour},
 * and sizes are bytes in fields named {@code bytes} or ending in {@code Bytes}.
 */
package dev.headroom.scenario;
