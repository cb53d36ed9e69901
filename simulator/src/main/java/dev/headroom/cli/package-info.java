/**
 * The {@code headroom} command line, built with picocli: {@code run}, {@code sweep},
 * {@code validate}, {@code emulate sheets} and {@code workload fit}.
 *
 * <p>Exit codes: 0 on success, 1 on an internal error, and 2 on bad input, such as an invalid
 * scenario, option or file. A command that runs out of the Java heap also exits with 2, because
 * the remedy is a smaller input or a larger heap. A failure prints one message on stderr, and
 * its stack trace only with {@code --verbose}. This is the only package that picks the logging
 * backend (Logback); logs go to stderr so that stdout carries only results.
 */
package dev.headroom.cli;
