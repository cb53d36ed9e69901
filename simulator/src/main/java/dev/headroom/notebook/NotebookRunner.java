package dev.headroom.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the code cells of a Java notebook in order in one JShell session and writes each
 * cell's outputs back, as Jupyter's own execution would.
 *
 * <p>Command line: {@code NotebookRunner [--verbose] NOTEBOOK [OUTPUT]} executes
 * {@code NOTEBOOK} and writes the result to {@code OUTPUT}, or back to {@code NOTEBOOK} when no
 * output is given. It exits with 0 on success. It exits with 1 when a cell fails, which leaves
 * the file as it was, or on an internal error. It exits with 2 on bad arguments, a file that is
 * not a notebook, or an output that cannot be written. {@code --verbose} adds the stack trace of
 * an internal error. {@code --cell-timeout SECONDS} sets how long one cell may run before it
 * fails, 600 s by default, so that a cell that never ends cannot hang a build.
 */
public final class NotebookRunner {

    /** Exit code of a command line run whose notebook executed. */
    public static final int EXIT_OK = 0;
    /** Exit code of a command line run in which a cell failed. */
    public static final int EXIT_CELL_FAILED = 1;
    /** Exit code of bad arguments, a file that is not a notebook, or an unwritable output. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code of an unexpected failure of the runner or of JShell. */
    public static final int EXIT_INTERNAL_ERROR = 1;

    private static final String USAGE = "usage: NotebookRunner [--verbose]"
            + " [--cell-timeout SECONDS] NOTEBOOK [OUTPUT]; executes the Java cells of NOTEBOOK"
            + " and writes it to OUTPUT, by default back to NOTEBOOK; a cell that runs longer"
            + " than the timeout (600 s by default) fails";

    private static final Logger LOG = LoggerFactory.getLogger(NotebookRunner.class);

    private final List<Path> classpath;
    private final Duration cellTimeout;

    /**
     * Creates a runner whose cells compile and run against {@code classpath}, each for at most
     * ten minutes.
     *
     * @param classpath folders and jar files, in lookup order
     */
    public NotebookRunner(List<Path> classpath) {
        this(classpath, JShellSession.DEFAULT_CELL_TIMEOUT);
    }

    /**
     * Creates a runner whose cells compile and run against {@code classpath}.
     *
     * @param classpath folders and jar files, in lookup order
     * @param cellTimeout how long one cell may run before it fails, at least one millisecond
     */
    public NotebookRunner(List<Path> classpath, Duration cellTimeout) {
        if (cellTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("cellTimeout is " + cellTimeout
                    + "; it must be at least 1 ms");
        }
        this.classpath = List.copyOf(classpath);
        this.cellTimeout = cellTimeout;
    }

    /** Returns a runner with the same classpath whose cells may run for {@code timeout}. */
    public NotebookRunner withCellTimeout(Duration timeout) {
        return new NotebookRunner(classpath, timeout);
    }

    /** Creates a runner whose cells see the classpath of this JVM ({@code java.class.path}). */
    public static NotebookRunner withJvmClasspath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return new NotebookRunner(entries);
    }

    /**
     * Executes every code cell of a copy of {@code notebook}, numbering them from 1, and
     * returns the copy with the outputs. Markdown and raw cells are left as they are.
     *
     * @param workingDirectory the folder that relative paths in the cells resolve against,
     *     normally the notebook's own folder
     * @throws CellFailedException if a cell does not compile, refers to something undefined,
     *     throws or prints too much; later cells are not executed
     */
    public Notebook execute(Notebook notebook, Path workingDirectory) throws CellFailedException {
        Notebook executed = notebook.copy();
        int executionCount = 0;
        try (JShellSession session = new JShellSession(classpath, workingDirectory,
                CellOutput.MAX_BYTES, cellTimeout)) {
            for (int index = 0; index < executed.cellCount(); index++) {
                // As under Jupyter, a code cell of blank source is left as it is, uncounted.
                if (!executed.isCode(index) || executed.source(index).isBlank()) {
                    continue;
                }
                executionCount++;
                CellResult result = session.evaluate(index + 1, executed.source(index));
                executed.setOutputs(index, executionCount, result);
            }
        }
        return executed;
    }

    /**
     * Reads, executes and writes a notebook file. The cells run in the input's folder, as
     * under Jupyter. The output is written only when every cell ran, so a failed run leaves
     * {@code output} as it was.
     *
     * @param input the {@code .ipynb} file to execute
     * @param output where to write the executed notebook; may be {@code input}
     * @throws InvalidNotebookException if {@code input} is missing or not a Java notebook, or
     *     {@code output} cannot be written, which is checked before any cell runs
     * @throws CellFailedException if a cell fails
     * @throws IOException if writing the output fails; {@code output} is then as it was
     */
    public void execute(Path input, Path output)
            throws InvalidNotebookException, CellFailedException, IOException {
        Notebook notebook = Notebook.parse(read(input), input.toString());
        OutputFile.check(output);
        LOG.info("Executing notebook {} ({} cells)", input, notebook.cellCount());
        Notebook executed = execute(notebook, input.toAbsolutePath().getParent());
        OutputFile.write(output, executed.toJson());
        LOG.info("Executed notebook {} into {}", input, output);
    }

    /** Executes the notebook named on the command line; see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean verbose = false;
        Duration cellTimeout = JShellSession.DEFAULT_CELL_TIMEOUT;
        List<String> paths = new ArrayList<>();
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                return EXIT_OK;
            } else if (arg.equals("--verbose")) {
                verbose = true;
            } else if (arg.equals("--cell-timeout")) {
                String seconds = index + 1 < args.length ? args[++index] : null;
                cellTimeout = parseSeconds(seconds);
                if (cellTimeout == null) {
                    System.err.println("invalid --cell-timeout " + (seconds == null ? "(missing)"
                            : "'" + seconds + "'") + ": give a whole number of seconds from 1,"
                            + " such as --cell-timeout 900");
                    return EXIT_BAD_INPUT;
                }
            } else if (arg.startsWith("-")) {
                System.err.println("unknown option " + arg + "; " + USAGE);
                return EXIT_BAD_INPUT;
            } else {
                paths.add(arg);
            }
        }
        if (paths.isEmpty() || paths.size() > 2) {
            System.err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        Path input = Path.of(paths.get(0));
        Path output = Path.of(paths.get(paths.size() - 1));
        return run(input, output, cellTimeout, verbose);
    }

    /** Returns the whole number of seconds in {@code text} from 1, or null if it is not one. */
    private static Duration parseSeconds(String text) {
        if (text == null || !text.matches("[0-9]{1,9}") || Long.parseLong(text) < 1) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }

    private static int run(Path input, Path output, Duration cellTimeout, boolean verbose) {
        try {
            withJvmClasspath().withCellTimeout(cellTimeout).execute(input, output);
            return EXIT_OK;
        } catch (InvalidNotebookException e) {
            System.err.println(e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (CellFailedException e) {
            System.err.println(input + ", " + e.getMessage());
            return EXIT_CELL_FAILED;
        } catch (IOException e) {
            System.err.println(output + ": cannot write the notebook (" + OutputFile.reason(e)
                    + "); it was left as it was. Free space or give another path.");
            printStackTrace(e, verbose);
            return EXIT_BAD_INPUT;
        } catch (RuntimeException e) {
            System.err.println(input + ": internal error (" + e + ")"
                    + (verbose ? "" : "; add --verbose for the stack trace"));
            printStackTrace(e, verbose);
            return EXIT_INTERNAL_ERROR;
        }
    }

    private static void printStackTrace(Exception e, boolean verbose) {
        if (verbose) {
            e.printStackTrace();
        }
    }

    private static String read(Path input) throws InvalidNotebookException {
        try {
            return Files.readString(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidNotebookException(input.toString(), "file not found; check the path");
        } catch (CharacterCodingException e) {
            throw new InvalidNotebookException(input.toString(), "not UTF-8 text; save the"
                    + " notebook as UTF-8, as Jupyter does");
        } catch (IOException e) {
            throw new InvalidNotebookException(input.toString(), "cannot read the file ("
                    + e.getMessage() + ")");
        }
    }
}
