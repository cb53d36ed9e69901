package dev.headroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code headroom workload} group of commands. */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Work with request logs and workload parameters.",
        subcommands = WorkloadFitCommand.class)
final class WorkloadCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Prints the group's usage when no subcommand is given. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
