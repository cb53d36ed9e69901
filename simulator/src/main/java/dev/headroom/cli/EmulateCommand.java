package dev.headroom.cli;

import dev.headroom.sheets.emulator.EmulatorConfig;
import dev.headroom.sheets.emulator.SheetsEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code headroom emulate} group: local stand-ins for the storage services. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = "Serve a local emulator of a storage API.",
        subcommands = EmulateCommand.Sheets.class)
final class EmulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Reports the group called without a subcommand as bad input, as the other groups do. */
    @Override
    public Integer call() {
        return Main.missingCommand(spec);
    }

    /** {@code headroom emulate sheets}: the in-memory Google Sheets API v4 emulator. */
    @Command(name = "sheets", mixinStandardHelpOptions = true,
            description = "Serve the Google Sheets API v4 emulator, with Google's cell limit and"
                    + " per-minute quotas, until the process is stopped.")
    static final class Sheets implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", paramLabel = "P", defaultValue = "0",
                converter = OptionConverters.Port.class,
                description = "TCP port to listen on; 0 picks a free one (default: 0).")
        private int port;

        @Option(names = "--bind", paramLabel = "ADDR", defaultValue = EmulatorConfig.LOOPBACK,
                converter = OptionConverters.BindAddress.class,
                description = "IP address to listen on (default: ${DEFAULT-VALUE}).")
        private String bind;

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65_535) {
                throw new BadInputException("--port is " + port + ": out of range: it must be"
                        + " from 0 to 65535; give --port a port number in that range");
            }
            EmulatorConfig config = EmulatorConfig.defaults().withBindAddress(bind)
                    .withPort(port);
            SheetsEmulator emulator;
            try {
                emulator = SheetsEmulator.start(config);
            } catch (IOException e) {
                String host = bind.indexOf(':') >= 0 ? "[" + bind + "]" : bind;
                throw new BadInputException("cannot listen on " + host + ":" + port + " ("
                        + e.getMessage() + "); choose another --port or --bind", e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Sheets emulator listening at " + emulator.rootUrl()
                    + "; stop it with Ctrl-C");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-stop"));
            emulator.awaitClose();
            return Main.EXIT_OK;
        }
    }
}
