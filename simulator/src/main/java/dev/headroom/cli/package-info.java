/**
 * The {@code headroom} command line, built with picocli: {@code run}, {@code sweep},
 * {@code validate}, {@code emulate sheets} and {@code workload fit}.
 *
 * <p>Exit codes: 0 on success, 2 on bad input (an invalid scenario, option or file), 1 on an
 * internal error. A failure prints one message on stderr, and its stack trace only with
 * {@code --verbose}. This is the only package that picks the logging backend (Logback); logs go
 * to stderr so that stdout carries only results.
 */
package dev.headroom.cli;
