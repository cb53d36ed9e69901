package dev.headroom.cli;

import static dev.headroom.cli.MainScenario.SCENARIO;
import static dev.headroom.cli.MainScenario.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The one-line messages for a command line that names no, an unknown or a misspelt command or
 * option, or gives an option a bad value.
 */
class CommandLineErrorTest {

    @Test
    void misspeltRequiredOption_namesIt() {
        CliResult result = execute("sweep", "--seedz", "1..2");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--seedz' (did you mean '--seeds'?); see"
                + " 'headroom sweep --help' for the options\n", result.err());
    }

    @Test
    void noCommand_isBadInput() {
        CliResult result = execute();

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: missing command; headroom takes one of run, sweep, validate,"
                + " emulate, workload; see 'headroom --help' for what each does\n",
                result.err());
    }

    @Test
    void workloadWithoutCommand_isBadInput() {
        CliResult result = execute("workload");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().startsWith("headroom: missing command; headroom workload takes"
                + " one of fit;"), result.err());
    }

    @Test
    void emulateWithoutCommand_isBadInput() {
        CliResult result = execute("emulate");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().startsWith("headroom: missing command; headroom emulate takes"
                + " one of sheets;"), result.err());
    }

    @Test
    void unknownOption_exitsTwo() {
        CliResult result = execute("run", "--sed", "4");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("--sed"), result.err());
    }

    @Test
    void unknownOption_suggestsNearest() {
        CliResult result = execute("run", "--sead", "4");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--sead' (did you mean '--seed'?); see"
                + " 'headroom run --help' for the options", result.err().strip());
    }

    @Test
    void unknownOption_suggestsSwappedLetters() {
        CliResult result = execute("emulate", "sheets", "--prot", "1");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--prot' (did you mean '--port'?); see"
                + " 'headroom emulate sheets --help' for the options", result.err().strip());
    }

    @Test
    void unknownOption_withValue_suggestsNearest() {
        CliResult result = execute("run", "--outt=reports/x");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown option '--outt' (did you mean '--out'?); see"
                + " 'headroom run --help' for the options", result.err().strip());
    }

    @Test
    void unknownOption_suggestsOneEditAway() {
        CliResult verbose = execute("run", "--verbos");
        CliResult letter = execute("run", "-z");

        assertTrue(verbose.err().contains("'--verbos' (did you mean '--verbose'?)"), verbose.err());
        assertTrue(letter.err().startsWith("headroom: unknown option '-z'; see"), letter.err());
    }

    @Test
    void unknownOption_beforeCommand_namesCommands() {
        CliResult seed = execute("--seed=3", "run");
        CliResult days = execute("--days=30", "run");

        assertEquals(Main.EXIT_BAD_INPUT, seed.code());
        assertEquals("headroom: unknown option '--seed' (run takes it after its name, as in"
                + " 'headroom run --seed=3'); see 'headroom --help' for the options\n",
                seed.err());
        assertEquals(Main.EXIT_BAD_INPUT, days.code());
        assertEquals("headroom: unknown option '--days' (run and sweep take it after their"
                + " name, as in 'headroom run --days=30'); see 'headroom --help' for the"
                + " options\n", days.err());
    }

    @Test
    void extraArgument_namesItAndTheParameter() {
        for (String[] args : List.of(new String[] {"run", "a.yaml", "b.yaml"},
                new String[] {"validate", "a.yaml", "b.yaml"},
                new String[] {"workload", "fit", "a.csv", "b.yaml"},
                new String[] {"emulate", "sheets", "x", "y"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), String.join(" ", args));
            String command = String.join(" ", List.of(args).subList(0, args.length - 2));
            String takes = switch (command) {
                case "workload fit" -> "takes one LOG.csv";
                case "emulate sheets" -> "takes no argument besides its options";
                default -> "takes one SCENARIO";
            };
            String word = command.equals("emulate sheets") ? "x" : args[args.length - 1];
            assertEquals("headroom: unexpected argument '" + word + "': headroom " + command
                    + " " + takes + "; see 'headroom " + command + " --help' for the options",
                    result.err().strip());
        }
    }

    @Test
    void badOptionValue_oneLineNamingHelp() {
        CliResult result = execute("run", "--seed", "abc");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --seed is 'abc': it must be a whole number; give --seed a"
                + " whole number, such as 7; see 'headroom run --help' for the options",
                result.err().strip());
    }

    @Test
    void wholeNumberOption_notNumber_exitsTwo() {
        for (String[] args : List.of(new String[] {"run", "--days", "abc"},
                new String[] {"sweep", "--seeds", "1", "--jobs", "1.5"},
                new String[] {"emulate", "sheets", "--port", "x"})) {
            CliResult result = execute(args);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), String.join(" ", args));
            String option = args[args.length - 2];
            assertTrue(result.err().startsWith("headroom: " + option + " is '"
                    + args[args.length - 1] + "': it must be a whole number; give " + option
                    + " a whole number, such as 7; see 'headroom "), result.err());
        }
    }

    @Test
    void seedBeyondLong_givesRange() {
        CliResult result = execute("run", "--seed", "99999999999999999999");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().startsWith("headroom: --seed is '99999999999999999999': out of"
                + " range: it must be from 0 to " + Long.MAX_VALUE
                + "; give --seed a whole number in that range;"), result.err());
    }

    @Test
    void unknownCommand_namesItAndListsCommands() {
        CliResult result = execute("bogus");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown command 'bogus'; the commands are run, sweep, validate,"
                + " emulate, workload; see 'headroom --help' for what each does",
                result.err().strip());
    }

    @Test
    void unknownSubcommand_suggestsNearest() {
        CliResult result = execute("workload", "fitt");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: unknown command 'fitt' (did you mean 'fit'?); the commands are"
                + " fit; see 'headroom workload --help' for what each does",
                result.err().strip());
    }

    @Test
    void unknownCommand_suggestsByEditsOrPrefix() {
        // frobnicate shares letter pairs with emulate but is no misspelling of any command.
        Map<String, String> expected = Map.of(
                "rnu", "unknown command 'rnu' (did you mean 'run'?);",
                "work", "unknown command 'work' (did you mean 'workload'?);",
                "frobnicate", "unknown command 'frobnicate'; the commands are");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            CliResult result = execute(entry.getKey());

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), entry.getKey());
            assertTrue(result.err().contains(entry.getValue()), result.err());
        }
    }

    @Test
    void emulateSheets_portOutOfRange_exitsTwo() {
        CliResult result = execute("emulate", "sheets", "--port", "70000");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().contains("--port is 70000"), result.err());
    }

    @Test
    void validate_noScenario_namesArgument() {
        CliResult result = execute("validate");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: missing SCENARIO; add the SCENARIO argument; see 'headroom"
                + " validate --help' for the options", result.err().strip());
    }

    @Test
    void sweep_noSeeds_namesOption() {
        CliResult result = execute("sweep", "scenario.yaml");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: missing option --seeds; add --seeds LIST; see 'headroom sweep"
                + " --help' for the options", result.err().strip());
    }

    @Test
    void sweep_seedsWithoutValue_namesValue() {
        CliResult result = execute("sweep", "scenario.yaml", "--seeds");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: missing a value for --seeds; give --seeds LIST; see 'headroom"
                + " sweep --help' for the options", result.err().strip());
    }

    @Test
    void run_daysBeforeOption_namesValue() {
        CliResult result = execute("run", "--days", "--verbose");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: missing a value for --days; give --days N; see 'headroom"
                + " run --help' for the options", result.err().strip());
    }

    @Test
    void emulateSheets_bindHostName_notLookedUp() {
        for (String bind : List.of("8.8.8.8.8", "example.invalid", "256.0.0.1", "")) {
            CliResult result = execute("emulate", "sheets", "--bind", bind);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), bind);
            assertTrue(result.err().startsWith("headroom: --bind is '" + bind + "': it is not an"
                    + " IP address, and host names are not looked up; give --bind an IP address,"
                    + " such as 127.0.0.1 or ::1;"), result.err());
        }
    }

    /**
     * A text with a colon is not yet an IPv6 address. Java would take such a text for a host
     * name and fail only when binding, with "Unresolved address".
     */
    @Test
    void emulateSheets_bindNotIpv6Literal_rejectedAsNotAnAddress() {
        for (String bind : List.of(":::", "1:2", ".:1", "::1:2:3:4:5:6:7:8:9", "1::2::3",
                "::ffff:1.2.3.999", "12345::1", "1:2:3:4:5:6:7:8:")) {
            CliResult result = execute("emulate", "sheets", "--bind", bind);

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), bind);
            assertTrue(result.err().startsWith("headroom: --bind is '" + bind + "': it is not an"
                    + " IP address, and host names are not looked up;"), result.err());
        }
    }

    @Test
    void bindAddress_acceptsIpv6TextForms() {
        for (String bind : List.of("::", "::1", "fe80::1", "2001:db8::8a2e:370:7334",
                "1:2:3:4:5:6:7:8", "::ffff:127.0.0.1", "1:2:3:4:5:6:1.2.3.4", "1::")) {
            assertEquals(bind, new OptionConverters.BindAddress().convert(bind));
        }
    }

    @Test
    void emulateSheets_ipv6PortInUse_bracketsAddress() throws Exception {
        ServerSocket taken;
        try {
            taken = new ServerSocket(0, 1, InetAddress.getByName("::1"));
        } catch (IOException noIpv6) {
            Assumptions.abort("no IPv6 loopback: " + noIpv6.getMessage());
            return;
        }
        try (taken) {
            CliResult result = execute("emulate", "sheets", "--bind", "::1", "--port",
                    Integer.toString(taken.getLocalPort()));

            assertEquals(Main.EXIT_BAD_INPUT, result.code());
            assertTrue(result.err().startsWith("headroom: cannot listen on [::1]:"
                    + taken.getLocalPort() + " ("), result.err());
        }
    }

    @Test
    void emulateSheets_portAboveRange_givesPortRange() {
        CliResult result = execute("emulate", "sheets", "--port", "99999");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertEquals("headroom: --port is 99999: out of range: it must be from 0 to 65535; give"
                + " --port a port number in that range\n", result.err());
    }

    @Test
    void emulateSheets_portBeyondInt_givesPortRange() {
        CliResult result = execute("emulate", "sheets", "--port", "9223372036854775808");

        assertEquals(Main.EXIT_BAD_INPUT, result.code());
        assertTrue(result.err().startsWith("headroom: --port is '9223372036854775808': out of"
                + " range: it must be from 0 to 65535; give --port a port number in that"
                + " range;"), result.err());
    }
}
