/**
 * Reports of a run or a sweep: CSV and Markdown files in an output folder and the short summary
 * printed after the command.
 *
 * <p>Every CSV file starts with the same header as {@code #} lines (tool version, scenario name
 * and hash, seed or seeds, days and the effective parameters), so each file alone is enough to
 * reproduce it. The Markdown files put those lines, all but the parameters, under their title
 * and list the parameters at their end. Files contain no wall-clock time and no machine-dependent
 * text, so the same scenario and seed give byte-identical files.
 *
 * <p>The CSV files hold exact micro-dollars. The summary and the Markdown files round money to
 * whole cents so that each table adds up as printed, and {@code CentApportionment} splits a
 * printed amount over its parts for that.
 */
package dev.headroom.report;
