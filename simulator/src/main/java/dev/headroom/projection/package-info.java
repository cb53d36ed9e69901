/**
 * Projections of a run as Tablesaw tables: the per-day metrics, the limit timeline, the
 * capacity of each phase's backend, the five-year cost by year, the hosting cost by year and
 * component, the cost of each phase, the hosting cost by phase and component, the phase changes
 * and the outages.
 *
 * <p>Every table is built only from a {@link dev.headroom.run.RunResult}, so the same run gives
 * the same tables, row for row. Money columns hold exact micro-dollars in whole numbers.
 */
package dev.headroom.projection;
