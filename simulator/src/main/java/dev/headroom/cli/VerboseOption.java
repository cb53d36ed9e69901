package dev.headroom.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} option that every command accepts. {@link Main} reads it from the
 * arguments before parsing, so logging is set before any command runs.
 */
public final class VerboseOption {

    /** The option's name. */
    public static final String NAME = "--verbose";

    @Option(names = NAME, description = "Log starts, stops and phase changes on stderr, and"
            + " print stack traces of errors.")
    boolean verbose;
}
