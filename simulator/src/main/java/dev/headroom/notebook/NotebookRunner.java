package dev.headroom.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the code cells of a Java notebook in order in one JShell session and writes each
 * cell's outputs back, as Jupyter's own execution would.
 *
 * <p>Command line: {@code NotebookRunner NOTEBOOK [OUTPUT]} executes {@code NOTEBOOK} and
 * writes the result to {@code OUTPUT}, or back to {@code NOTEBOOK} when no output is given.
 * Exit codes: 0 on success, 1 when a cell fails (the file is then left as it was), 2 on bad
 * arguments or a file that is not a notebook.
 */
public final class NotebookRunner {

    /** Exit code of a command line run whose notebook executed. */
    public static final int EXIT_OK = 0;
    /** Exit code of a command line run in which a cell failed. */
    public static final int EXIT_CELL_FAILED = 1;
    /** Exit code of bad arguments or of a file that is not a notebook. */
    public static final int EXIT_BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(NotebookRunner.class);

    private final List<Path> classpath;

    /**
     * Creates a runner whose cells compile and run against {@code classpath}.
     *
     * @param classpath folders and jar files, in lookup order
     */
    public NotebookRunner(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
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
        try (JShellSession session = new JShellSession(classpath, workingDirectory)) {
            for (int index = 0; index < executed.cellCount(); index++) {
                if (!executed.isCode(index)) {
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
     * @throws InvalidNotebookException if {@code input} is missing or not a Java notebook
     * @throws CellFailedException if a cell fails
     * @throws IOException if the output cannot be written
     */
    public void execute(Path input, Path output)
            throws InvalidNotebookException, CellFailedException, IOException {
        Notebook notebook = Notebook.parse(read(input), input.toString());
        LOG.info("Executing notebook {} ({} cells)", input, notebook.cellCount());
        Notebook executed = execute(notebook, input.toAbsolutePath().getParent());
        Files.writeString(output, executed.toJson(), StandardCharsets.UTF_8);
        LOG.info("Executed notebook {} into {}", input, output);
    }

    /** Executes the notebook named on the command line; see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: NotebookRunner NOTEBOOK [OUTPUT]; executes the Java"
                    + " cells of NOTEBOOK and writes it to OUTPUT, by default back to NOTEBOOK");
            return EXIT_BAD_INPUT;
        }
        Path input = Path.of(args[0]);
        Path output = args.length == 2 ? Path.of(args[1]) : input;
        try {
            withJvmClasspath().execute(input, output);
            return EXIT_OK;
        } catch (InvalidNotebookException e) {
            System.err.println(e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (CellFailedException e) {
            System.err.println(input + ", " + e.getMessage());
            return EXIT_CELL_FAILED;
        } catch (IOException e) {
            System.err.println(output + ": cannot write the notebook (" + e + ")");
            return EXIT_CELL_FAILED;
        }
    }

    private static String read(Path input) throws InvalidNotebookException {
        try {
            return Files.readString(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidNotebookException(input.toString(), "file not found; check the path");
        } catch (IOException e) {
            throw new InvalidNotebookException(input.toString(), "cannot read the file ("
                    + e.getMessage() + ")");
        }
    }
}
