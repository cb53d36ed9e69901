package dev.headroom.notebook;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * One JShell session that evaluates the code cells of a notebook in order, so variables,
 * methods and imports of one cell stay visible to the next.
 *
 * <p>JShell's default engine runs the snippets in a JVM that it launches; that JVM connects
 * back over the loopback address, and its {@code System.out} and {@code System.err} are
 * forwarded to this session, which collects them per cell. On JDK 17 the forwarded text of a
 * snippet arrives before JShell returns from evaluating it, which the tests check. Not
 * thread-safe.
 */
final class JShellSession implements AutoCloseable {

    /** JShell's JDI engine, configured to listen on the loopback address only. */
    private static final String ENGINE = "jdi:hostname(127.0.0.1)";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final JShell shell;
    private volatile boolean ended;

    /**
     * Starts a session whose snippets compile and run against {@code classpath}.
     *
     * @throws IllegalStateException if JShell cannot launch its JVM
     */
    JShellSession(List<Path> classpath) {
        shell = JShell.builder()
                .in(InputStream.nullInputStream())
                .out(new PrintStream(stdout, true, StandardCharsets.UTF_8))
                .err(new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .executionEngine(ENGINE)
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
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        Optional<String> value = Optional.empty();
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            SnippetLocation location = SnippetLocation.of(source, rest);
            if (!info.completeness().isComplete() || info.source() == null) {
                drain(stdout);
                drain(stderr);
                throw new CellFailedException(cellNumber, location.describe()
                        + ": the source ends inside an unfinished statement or block;"
                        + " close it within the cell");
            }
            value = evaluateSnippet(cellNumber, info.source(), location);
            rest = info.remaining();
        }
        return new CellResult(drain(stdout), drain(stderr), value);
    }

    private Optional<String> evaluateSnippet(int cellNumber, String snippetSource,
            SnippetLocation location) throws CellFailedException {
        Optional<String> value = Optional.empty();
        List<SnippetEvent> events = ended ? List.of() : evalUnlessEnded(snippetSource);
        if (ended) {
            drain(stdout);
            drain(stderr);
            throw new CellFailedException(cellNumber, location.describe() + ": the JShell"
                    + " session ended, for example through System.exit; a cell must not end"
                    + " the session");
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Optional<String> problem = SnippetProblems.find(shell, event, location);
            if (problem.isPresent()) {
                drain(stdout);
                drain(stderr);
                throw new CellFailedException(cellNumber, problem.get());
            }
            if (isShownExpression(event.snippet())) {
                value = Optional.ofNullable(event.value());
            }
        }
        return value;
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

    /** Returns whether Jupyter would show the snippet's value: a bare expression or name. */
    private static boolean isShownExpression(Snippet snippet) {
        Snippet.SubKind subKind = snippet.subKind();
        return subKind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || subKind == Snippet.SubKind.VAR_VALUE_SUBKIND;
    }

    private static String drain(ByteArrayOutputStream buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }

    @Override
    public void close() {
        shell.close();
    }
}
