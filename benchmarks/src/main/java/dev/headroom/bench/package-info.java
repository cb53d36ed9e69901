/**
 * JMH benchmarks of Headroom's routers, balance paths and simulation engine, and the writer of
 * the Markdown report that compares each variant with a baseline measured in the same run.
 *
 * <p>Run the full suite with {@code java -jar benchmarks/target/benchmarks.jar}; see
 * {@code docs/benchmarks.md} for the short pass that CI runs.
 */
package dev.headroom.bench;
