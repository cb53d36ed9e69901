package dev.headroom.cli;

import static dev.headroom.cli.MainScenario.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --help and --version on every command. */
class HelpAndVersionTest {

    @Test
    void help_everyCommand_exitsZero() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"},
                new String[] {"validate", "--help"}, new String[] {"workload", "--help"},
                new String[] {"emulate", "--help"}, new String[] {"emulate", "sheets", "--help"},
                new String[] {"workload", "fit", "--help"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_OK, result.code(), String.join(" ", args));
            assertTrue(result.out().contains("Usage:"), result.out());
        }
    }

    @Test
    void version_printsToolVersion() {
        CliResult result = execute("--version");

        assertEquals(Main.EXIT_OK, result.code());
        assertTrue(result.out().startsWith("headroom "), result.out());
    }

    @Test
    void version_everyCommand_printsToolVersion() {
        String expected = execute("--version").out();
        for (String[] args : List.of(new String[] {"run", "-V"}, new String[] {"sweep", "-V"},
                new String[] {"validate", "--version"}, new String[] {"workload", "-V"},
                new String[] {"workload", "fit", "-V"}, new String[] {"emulate", "-V"},
                new String[] {"emulate", "sheets", "--version"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_OK, result.code(), String.join(" ", args));
            assertEquals(expected, result.out(), String.join(" ", args));
        }
    }
}
