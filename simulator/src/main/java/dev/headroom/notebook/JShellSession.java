package dev.headroom.notebook;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.spi.ExecutionControl;

/**
 * One JShell session that evaluates the code cells of a notebook in order, so variables,
 * methods and imports of one cell stay visible to the next.
 *
 * <p>The snippets run in a JVM that {@link CellJvm} starts in the notebook's folder. That JVM
 * connects back over the loopback address, and its {@code System.out} and {@code System.err}
 * are forwarded to this session, which collects them per cell. The forwarded text of a snippet
 * arrives before JShell returns from evaluating it, because it travels on the same socket ahead
 * of the snippet's result. When JShell cuts the text of a cell's value short, the session reads
 * the whole text from that JVM. Not thread-safe.
 */
final class JShellSession implements AutoCloseable {

    /** Time a cell may run before its JVM is stopped, unless the runner is given another. */
    static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(10);

    private final CellJvm jvm;
    private final CellOutput output;
    private final JShell shell;
    private final Duration cellTimeout;
    private final ScheduledExecutorService watchdog;
    private volatile boolean ended;
    private volatile boolean timedOut;

    /**
     * Starts a session whose snippets compile and run against {@code classpath}.
     *
     * @param classpath folders and jar files, in lookup order
     * @param workingDirectory the folder that relative paths in the snippets resolve against
     * @throws IllegalStateException if JShell cannot start its JVM
     */
    JShellSession(List<Path> classpath, Path workingDirectory) {
        this(classpath, workingDirectory, CellOutput.MAX_BYTES, DEFAULT_CELL_TIMEOUT);
    }

    /**
     * Starts a session whose cells may print at most {@code maxOutputBytes} each and run for
     * at most {@code cellTimeout} each.
     */
    JShellSession(List<Path> classpath, Path workingDirectory, int maxOutputBytes,
            Duration cellTimeout) {
        this.cellTimeout = cellTimeout;
        watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "notebook-cell-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        jvm = new CellJvm(workingDirectory, classpath);
        output = new CellOutput(maxOutputBytes, jvm::kill);
        shell = JShell.builder()
                .in(InputStream.nullInputStream())
                .out(new PrintStream(output.stdout(), true, StandardCharsets.UTF_8))
                .err(new PrintStream(output.stderr(), true, StandardCharsets.UTF_8))
                .executionEngine(jvm, Map.of())
                .remoteVMOptions("-Dfile.encoding=UTF-8", "-Djava.awt.headless=true")
                .build();
        shell.onShutdown(closed -> ended = true);
        if (!classpath.isEmpty()) {
            // One call with the whole path: JShell re-indexes its classpath on every call.
            shell.addToClasspath(classpath.stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
        }
    }

    /**
     * Evaluates one cell snippet by snippet.
     *
     * @param cellNumber the 1-based position of the cell in the notebook, for messages
     * @param source the cell's Java source
     * @throws CellFailedException if a snippet is incomplete, does not compile, refers to
     *     something undefined, or throws
     */
    CellResult evaluate(int cellNumber, String source) throws CellFailedException {
        ScheduledFuture<?> alarm = watchdog.schedule(this::stopSlowCell,
                cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return evaluateSnippets(cellNumber, source);
        } finally {
            alarm.cancel(false);
        }
    }

    /** Stops the JVM of a cell that ran past the timeout, which ends the session. */
    private void stopSlowCell() {
        timedOut = true;
        jvm.kill();
    }

    private CellResult evaluateSnippets(int cellNumber, String source)
            throws CellFailedException {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        Optional<String> value = Optional.empty();
        while (!rest.isBlank()) {
            SnippetLocation location = SnippetLocation.of(source, rest);
            CompletionInfo info;
            try {
                info = analysis.analyzeCompletion(rest);
            } catch (StackOverflowError e) {
                throw tooDeep(cellNumber, location);
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete() || info.source() == null) {
                output.reset();
                throw new CellFailedException(cellNumber, location.describe()
                        + ": the source ends inside an unfinished statement or block;"
                        + " close it within the cell");
            }
            value = evaluateSnippet(cellNumber, info.source(), location);
            rest = info.remaining();
        }
        return new CellResult(output.drainStdout(), output.drainStderr(), value);
    }

    private Optional<String> evaluateSnippet(int cellNumber, String snippetSource,
            SnippetLocation location) throws CellFailedException {
        Optional<String> value = Optional.empty();
        List<SnippetEvent> events;
        try {
            events = ended ? List.of() : evalUnlessEnded(snippetSource);
        } catch (StackOverflowError e) {
            throw tooDeep(cellNumber, location);
        }
        failIfStopped(cellNumber, location);
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Optional<String> problem = SnippetProblems.find(shell, event, location);
            if (problem.isPresent()) {
                output.reset();
                throw new CellFailedException(cellNumber, problem.get());
            }
            if (isShownExpression(event.snippet())) {
                value = Optional.ofNullable(event.value());
            }
        }
        if (value.isPresent() && value.get().length() >= CellExecutionControl.RETURNED_CHARS) {
            return Optional.of(wholeValue(cellNumber, location));
        }
        return value;
    }

    /**
     * Returns the failure of a snippet whose nesting overflowed the stack of JShell's compiler,
     * which runs in this JVM, as a sum of many thousand terms can.
     */
    private CellFailedException tooDeep(int cellNumber, SnippetLocation location) {
        output.reset();
        return new CellFailedException(cellNumber, location.describe() + " is nested too deeply"
                + " for the Java compiler; split it into shorter statements, such as a loop that"
                + " adds the terms one by one");
    }

    /** Requests the snippet's whole value from the cells' JVM, because JShell cut it short. */
    private String wholeValue(int cellNumber, SnippetLocation location)
            throws CellFailedException {
        Optional<String> whole;
        try {
            whole = jvm.lastValue(output.room());
        } catch (ExecutionControl.ExecutionControlException e) {
            failIfStopped(cellNumber, location);
            output.reset();
            throw new CellFailedException(cellNumber, location.describe() + ": reading the"
                    + " whole text of its value failed: " + e.getMessage());
        }
        if (whole.isEmpty()) {
            output.reset();
            throw new CellFailedException(cellNumber, location.describe() + " has a value that,"
                    + " with what the cell printed, is larger than "
                    + describeBytes(output.maxBytes()) + "; show a summary or fewer rows, such"
                    + " as table.first(20)");
        }
        return whole.get();
    }

    /** Fails the cell when its JVM was stopped or its session ended. */
    private void failIfStopped(int cellNumber, SnippetLocation location)
            throws CellFailedException {
        if (output.overflowed()) {
            output.reset();
            throw new CellFailedException(cellNumber, location.describe() + " printed more"
                    + " than " + describeBytes(output.maxBytes()) + ", so its JVM was stopped;"
                    + " print a summary or fewer rows, such as table.first(20)");
        }
        if (timedOut) {
            output.reset();
            throw new CellFailedException(cellNumber, location.describe() + " ran longer than "
                    + describeSeconds(cellTimeout) + ", so its JVM was stopped; make the cell"
                    + " faster, such as with a shorter horizon, or pass --cell-timeout with more"
                    + " seconds");
        }
        if (ended) {
            output.reset();
            throw new CellFailedException(cellNumber, location.describe() + ": the JShell"
                    + " session ended, for example through System.exit; a cell must not end"
                    + " the session");
        }
    }

    /** Evaluates a snippet, or returns no events when the session ends during it. */
    private List<SnippetEvent> evalUnlessEnded(String snippetSource) {
        try {
            return shell.eval(snippetSource);
        } catch (IllegalStateException closed) {
            ended = true;
            return List.of();
        }
    }

    private static String describeSeconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : duration.toMillis() + " ms";
    }

    private static String describeBytes(int bytes) {
        int mebibyte = 1024 * 1024;
        return bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
    }

    /** Returns whether Jupyter would show the snippet's value: a bare expression or name. */
    private static boolean isShownExpression(Snippet snippet) {
        Snippet.SubKind subKind = snippet.subKind();
        return subKind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || subKind == Snippet.SubKind.VAR_VALUE_SUBKIND;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        shell.close();
    }
}
