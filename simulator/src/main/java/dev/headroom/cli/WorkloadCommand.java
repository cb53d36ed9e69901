package dev.headroom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code headroom workload} group of commands. */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Work with request logs and workload parameters.",
        subcommands = WorkloadFitCommand.class)
final class WorkloadCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Reports the group called without a subcommand as bad input. */
    @Override
    public Integer call() {
        return Main.missingCommand(spec);
    }
}
