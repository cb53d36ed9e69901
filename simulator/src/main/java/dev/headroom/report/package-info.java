/**
 * Reports of a run: CSV and Markdown files in an output folder and the short summary printed
 * after a run.
 *
 * <p>Every file starts with the same header (tool version, scenario name and hash, seed, days
 * and the effective parameters), so each file alone is enough to reproduce it. Files contain no
 * wall-clock time and no machine-dependent text, so the same scenario and seed give
 * byte-identical files.
 */
package dev.headroom.report;
