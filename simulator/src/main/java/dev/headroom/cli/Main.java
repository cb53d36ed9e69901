package dev.headroom.cli;

import dev.headroom.scenario.InvalidScenarioException;
import dev.headroom.scenario.Suggestions;
import dev.headroom.workload.InputFormatException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The entry point of the {@code headroom} command line. */
@Command(name = "headroom", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates the growth of an LLM proxy's usage ledger and reports which"
                + " storage limit binds first, when, and what five years cost.",
        subcommands = {RunCommand.class, SweepCommand.class, ValidateCommand.class,
                EmulateCommand.class, WorkloadCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code of a command that succeeded. */
    public static final int EXIT_OK = 0;
    /** Exit code of an internal error. */
    public static final int EXIT_INTERNAL_ERROR = 1;
    /** Exit code of invalid input: a scenario, an option or a file. */
    public static final int EXIT_BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits the JVM with its exit code. Output is UTF-8 like the report
     * files, whatever the default charset, because names in a scenario are Unicode and a charset
     * such as US-ASCII or ISO-8859-1 would print some of their letters as {@code ?}.
     */
    public static void main(String[] args) {
        // Libraries format and sort with the default locale: under Turkish, picocli upper-cases
        // --timestamp-unit with a dotted capital I and so lists the options in another order.
        Locale.setDefault(Locale.ROOT);
        System.exit(execute(args, utf8Writer(System.out), utf8Writer(System.err)));
    }

    private static PrintWriter utf8Writer(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains(VerboseOption.NAME);
        Logging.setVerbose(verbose);
        CommandLine commandLine = commandLine(verbose);
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = executeWithinHeap(commandLine, args, verbose);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Runs the command line and turns a run that outgrows the Java heap into one message and
     * the bad-input exit code: the remedy is a smaller scenario or a larger heap. The reports
     * keep two numbers per workbook and day, so a plan of thousands of workbooks can outgrow
     * the heap with few users.
     */
    static int executeWithinHeap(CommandLine commandLine, String[] args, boolean verbose) {
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError error) {
            PrintWriter err = commandLine.getErr();
            long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
            String command = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst()
                    .orElse("");
            LOG.debug("Command '{}' ran out of the Java heap of {} MiB", command, maxMiB);
            String remedy = switch (command) {
                case "workload" -> "the request log needs more memory than the Java heap's "
                        + maxMiB + " MiB; fit a shorter log, or raise the heap, for";
                case "sweep" -> "the sweep needs more memory than the Java heap's " + maxMiB
                        + " MiB; run fewer seeds at a time with --jobs, lower the scenario's"
                        + " users, horizon or workbooks, or raise the heap, for";
                default -> "the run needs more memory than the Java heap's " + maxMiB
                        + " MiB; lower the scenario's users, horizon or workbooks, or raise the"
                        + " heap, for";
            };
            err.println("headroom: " + remedy
                    + " example JAVA_OPTS=-Xmx8g"
                    + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
            if (verbose) {
                error.printStackTrace(err);
            }
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    /** Reports {@code headroom} called without a command as bad input. */
    @Override
    public Integer call() {
        return missingCommand(spec);
    }

    /**
     * Prints that a group of commands was called without one, with the commands it has, and
     * returns the bad-input exit code.
     */
    static int missingCommand(CommandLine.Model.CommandSpec group) {
        PrintWriter err = group.commandLine().getErr();
        err.println("headroom: missing command; " + group.qualifiedName() + " takes one of "
                + String.join(", ", group.subcommands().keySet()) + "; see '"
                + group.qualifiedName() + " --help' for what each does");
        err.flush();
        return EXIT_BAD_INPUT;
    }

    static CommandLine commandLine(boolean verbose) {
        CommandLine commandLine = new CommandLine(new Main());
        addSharedOptions(commandLine);
        commandLine.registerConverter(Long.class, text -> wholeNumber(text, Long.MIN_VALUE,
                Long.MAX_VALUE));
        commandLine.registerConverter(long.class, text -> wholeNumber(text, Long.MIN_VALUE,
                Long.MAX_VALUE));
        commandLine.registerConverter(Integer.class, text -> (int) wholeNumber(text,
                Integer.MIN_VALUE, Integer.MAX_VALUE));
        commandLine.registerConverter(int.class, text -> (int) wholeNumber(text,
                Integer.MIN_VALUE, Integer.MAX_VALUE));
        commandLine.registerConverter(Path.class, Main::path);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(verbose));
        commandLine.setParameterExceptionHandler(Main::handleParameterException);
        return commandLine;
    }

    /**
     * Gives every command {@code --verbose}, and makes every command's {@code --version} print
     * the tool's version, as {@code headroom --version} does.
     */
    private static void addSharedOptions(CommandLine commandLine) {
        commandLine.addMixin("verbose", new VerboseOption());
        commandLine.getCommandSpec().versionProvider(new VersionProvider());
        for (Map.Entry<String, CommandLine> sub : commandLine.getSubcommands().entrySet()) {
            addSharedOptions(sub.getValue());
        }
    }

    /**
     * Parses a whole-number option value in {@code [min, max]}. Its error message names no Java
     * type.
     */
    static long wholeNumber(String text, long min, long max) {
        return wholeNumber(text, min, max, "out of range: it must be from " + min + " to " + max,
                "a whole number in that range");
    }

    /**
     * Parses a whole-number option value in {@code [min, max]}, the bounds of its Java type. A
     * value beyond them fails with {@code problem} and {@code remedy}, which name the option's
     * own range, because the command checks values within the type against that range itself.
     */
    static long wholeNumber(String text, long min, long max, String problem, String remedy) {
        String digits = text.strip();
        if (!digits.matches("[+-]?[0-9]+")) {
            throw new InvalidOptionValue("it must be a whole number", "a whole number, such as 7");
        }
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(BigInteger.valueOf(min)) < 0
                || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidOptionValue(problem, remedy);
        }
        return value.longValueExact();
    }

    /**
     * Converts an argument that names a file or folder. Java on Linux encodes file names in the
     * locale's charset, so under the POSIX locale a name such as {@code wörk} forms no path.
     */
    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidOptionValue("it is not a valid path: " + e.getReason()
                    + " for the file name charset " + System.getProperty("sun.jnu.encoding"),
                    "a path of ASCII characters, or run Headroom under a UTF-8 locale, such as"
                    + " with LC_ALL=C.UTF-8");
        }
    }

    /**
     * An option or argument value that is not valid, such as a whole number out of range, with
     * the problem and the remedy.
     */
    static final class InvalidOptionValue extends CommandLine.TypeConversionException {

        private static final long serialVersionUID = 1L;

        private final String problem;
        private final String remedy;

        InvalidOptionValue(String problem, String remedy) {
            super(problem + "; give " + remedy);
            this.problem = problem;
            this.remedy = remedy;
        }
    }

    /**
     * Reports a command line that does not parse (an unknown option, a value of the wrong type,
     * a missing argument) in one line that names the command's help, in place of the usage.
     */
    private static int handleParameterException(CommandLine.ParameterException error,
            String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        Optional<String> unknownCommand = unknownCommand(error, failed);
        if (unknownCommand.isPresent()) {
            err.println("headroom: " + unknownCommand.get() + "; see '" + name
                    + " --help' for what each does");
        } else {
            err.println("headroom: " + optionMessage(error, args) + "; see '" + name
                    + " --help' for the options");
        }
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /**
     * Returns the message for a word that names no command of a command that has commands and
     * no parameters of its own, such as {@code headroom bogus}. It suggests the command nearest
     * by edit distance, else the first that starts with a word of two or more letters, as
     * {@code work} starts {@code workload}. picocli's own suggestions compare letter pairs, so
     * they miss swapped letters ({@code rnu}) and offer {@code emulate} for unrelated words.
     */
    private static Optional<String> unknownCommand(CommandLine.ParameterException error,
            CommandLine failed) {
        if (!(error instanceof CommandLine.UnmatchedArgumentException unmatched)
                || failed.getSubcommands().isEmpty()
                || !failed.getCommandSpec().positionalParameters().isEmpty()
                || unmatched.getUnmatched().isEmpty()
                || unmatched.getUnmatched().get(0).startsWith("-")) {
            return Optional.empty();
        }
        String word = unmatched.getUnmatched().get(0);
        Collection<String> commands = failed.getSubcommands().keySet();
        Optional<String> suggestion = Suggestions.nearest(word, commands);
        if (suggestion.isEmpty() && word.length() >= 2) {
            suggestion = commands.stream().filter(name -> name.startsWith(word)).findFirst();
        }
        String hint = suggestion.map(name -> " (did you mean '" + name + "'?)").orElse("");
        return Optional.of("unknown command '" + word + "'" + hint + "; the commands are "
                + String.join(", ", commands));
    }

    /**
     * Returns the message of a required argument or option that the command line lacks, such as
     * "missing SCENARIO; add the SCENARIO argument". An option given as the last argument or
     * before another option lacks only its value, so the message names the missing value.
     */
    private static String missingMessage(CommandLine.MissingParameterException error,
            String[] args) {
        List<String> missing = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        for (CommandLine.Model.ArgSpec spec : error.getMissing()) {
            if (spec instanceof CommandLine.Model.OptionSpec option
                    && !Collections.disjoint(Arrays.asList(args), Arrays.asList(option.names()))) {
                missing.add("a value for " + option.longestName());
                remedies.add("give " + option.longestName() + " " + option.paramLabel());
            } else if (spec instanceof CommandLine.Model.OptionSpec option) {
                missing.add("option " + option.longestName());
                remedies.add("add " + option.longestName() + " " + option.paramLabel());
            } else {
                missing.add(spec.paramLabel());
                remedies.add("add the " + spec.paramLabel() + " argument");
            }
        }
        if (missing.isEmpty()) {
            return error.getMessage();
        }
        return "missing " + String.join(" and ", missing) + "; " + String.join(" and ", remedies);
    }

    /** Returns the message of a bad option value, naming the option as the commands do. */
    private static String optionMessage(CommandLine.ParameterException error, String[] args) {
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            return unmatchedMessage(unmatched);
        }
        if (error instanceof CommandLine.MissingParameterException) {
            // A misspelt required option is reported as missing; the misspelling is the cause.
            Optional<String> unknown = unknownOption(args, error.getCommandLine());
            if (unknown.isPresent()) {
                return unknownOptionMessage(unknown.get(), error.getCommandLine().getCommandSpec());
            }
            return missingMessage((CommandLine.MissingParameterException) error, args);
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (!(cause instanceof InvalidOptionValue invalid)) {
                continue;
            }
            String name = null;
            if (error.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
                name = option.longestName();
            } else if (error.getArgSpec() instanceof CommandLine.Model.PositionalParamSpec arg) {
                name = arg.paramLabel();
            }
            if (name != null) {
                return name + " is '" + error.getValue() + "': " + invalid.problem
                        + "; give " + name + " " + invalid.remedy;
            }
        }
        return error.getMessage();
    }

    /**
     * Returns the first argument after the command's name that looks like an option but matches
     * none of the command's options, if there is one.
     */
    private static Optional<String> unknownOption(String[] args, CommandLine failed) {
        CommandLine.Model.CommandSpec spec = failed.getCommandSpec();
        int start = Arrays.asList(args).indexOf(spec.name()) + 1;
        for (int index = start; index < args.length; index++) {
            String name = args[index].split("=", 2)[0];
            if (name.startsWith("-") && name.length() > 1 && !name.equals("--")
                    && spec.findOption(name) == null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the message for an unknown option, with the nearest option's name, or for an
     * argument beyond the command's parameters, with the parameters it takes.
     */
    private static String unmatchedMessage(CommandLine.UnmatchedArgumentException unmatched) {
        String word = unmatched.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = unmatched.getCommandLine().getCommandSpec();
        if (unmatched.isUnknownOption()) {
            return unknownOptionMessage(word, spec);
        }
        List<String> parameters = spec.positionalParameters().stream()
                .map(CommandLine.Model.PositionalParamSpec::paramLabel)
                .toList();
        String takes = parameters.isEmpty() ? "takes no argument besides its options"
                : "takes one " + String.join(" and one ", parameters);
        return "unexpected argument '" + word + "': " + spec.qualifiedName() + " " + takes;
    }

    /**
     * Returns the message for an option the command lacks, with the long option nearest by edit
     * distance. picocli's own suggestions compare letter pairs, so they miss swapped letters
     * (--prot) and offer --version for --verbos. A word of one or two letters gets none. A
     * value attached with {@code =} is left out of the message and of the comparison. An option
     * that only commands below this one take, such as {@code headroom --seed=3 run}, gets the
     * names of those commands.
     */
    private static String unknownOptionMessage(String argument,
            CommandLine.Model.CommandSpec spec) {
        String word = argument.split("=", 2)[0];
        List<String> longNames = spec.optionsMap().keySet().stream()
                .filter(name -> name.startsWith("--"))
                .toList();
        Optional<String> nearest = word.replaceFirst("^-+", "").length() < 3
                ? Optional.empty() : Suggestions.nearest(word, longNames);
        if (nearest.isPresent()) {
            return "unknown option '" + word + "' (did you mean '" + nearest.get() + "'?)";
        }
        List<String> owners = spec.subcommands().entrySet().stream()
                .filter(command -> command.getValue().getCommandSpec().optionsMap()
                        .containsKey(word))
                .map(Map.Entry::getKey)
                .toList();
        if (owners.isEmpty()) {
            return "unknown option '" + word + "'";
        }
        int last = owners.size() - 1;
        String commands = last == 0 ? owners.get(0) + " takes it after its"
                : String.join(", ", owners.subList(0, last)) + " and " + owners.get(last)
                        + " take it after their";
        return "unknown option '" + word + "' (" + commands + " name, as in '"
                + spec.qualifiedName() + " " + owners.get(0) + " " + argument + "')";
    }

    /** Turns exceptions into one message and an exit code. */
    private record ErrorHandler(boolean verbose) implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception error, CommandLine commandLine,
                ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            boolean badInput = error instanceof BadInputException
                    || error instanceof InvalidScenarioException
                    || error instanceof InputFormatException;
            LOG.debug("Command '{}' failed: {}", commandLine.getCommandName(), error.toString());
            if (badInput) {
                error.getMessage().lines().forEach(line -> err.println("headroom: " + line));
            } else {
                err.println("headroom: internal error: " + error
                        + (verbose ? "" : "; rerun with --verbose for the stack trace"));
            }
            if (verbose) {
                error.printStackTrace(err);
            }
            err.flush();
            return badInput ? EXIT_BAD_INPUT : EXIT_INTERNAL_ERROR;
        }
    }
}
