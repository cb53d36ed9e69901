/**
 * Counters that every storage adapter reports (calls, bytes, throttles, retries, latency), in
 * one shape that the simulator and the benchmarks read. Recording is thread-safe.
 */
package dev.headroom.metrics;
