package dev.headroom.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/** Turns a snippet that JShell rejected, left unresolved, or that threw into one message. */
final class SnippetProblems {

    /** Stack frames of a thrown exception that a message shows at most. */
    private static final int MAX_FRAMES = 3;

    private SnippetProblems() {
    }

    /**
     * Returns the problem of an evaluated snippet, or empty when it ran.
     *
     * @param shell the session that evaluated the snippet, for its diagnostics
     * @param event the event of the snippet itself, not of a snippet that it updated
     * @param location where the snippet starts in its cell
     */
    static Optional<String> find(JShell shell, SnippetEvent event, SnippetLocation location) {
        Snippet snippet = event.snippet();
        return switch (event.status()) {
            case REJECTED -> Optional.of(location.describe() + " does not compile: "
                    + diagnostics(shell, snippet, location));
            case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> Optional.of(location.describe()
                    + " refers to something undefined: " + unresolved(shell, snippet, location));
            default -> Optional.ofNullable(event.exception())
                    .map(thrown -> location.describe() + " threw " + describe(thrown));
        };
    }

    private static String diagnostics(JShell shell, Snippet snippet, SnippetLocation location) {
        List<String> messages = new ArrayList<>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> messages.add(
                "line " + location.lineOf(snippet.source(), diag.getStartPosition()) + ": "
                        + oneLine(diag.getMessage(Locale.ROOT))));
        return messages.isEmpty() ? "JShell gave no diagnostic" : String.join("; ", messages);
    }

    private static String unresolved(JShell shell, Snippet snippet, SnippetLocation location) {
        if (snippet instanceof DeclarationSnippet declaration) {
            String names = shell.unresolvedDependencies(declaration)
                    .collect(Collectors.joining(", "));
            if (!names.isEmpty()) {
                return names + "; define it in this or an earlier cell";
            }
        }
        return diagnostics(shell, snippet, location);
    }

    /** Describes a thrown exception with its causes and its top stack frames. */
    private static String describe(JShellException thrown) {
        StringBuilder text = new StringBuilder();
        Throwable current = thrown;
        while (current != null) {
            if (current != thrown) {
                text.append(", caused by ");
            }
            text.append(name(current));
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
            current = current.getCause();
        }
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = 0; i < Math.min(MAX_FRAMES, frames.length); i++) {
            text.append(System.lineSeparator()).append("    at ").append(frames[i]);
        }
        return text.toString();
    }

    private static String name(Throwable thrown) {
        if (thrown instanceof EvalException eval) {
            return eval.getExceptionClassName();
        }
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            return "a call of " + unresolved.getSnippet().name()
                    + ", which refers to something undefined";
        }
        return thrown.getClass().getName();
    }

    /**
     * Joins JShell's multi-line diagnostic into one line, as {@code cannot find symbol (symbol:
     * variable x)}, without its location line.
     */
    private static String oneLine(String message) {
        List<String> lines = message.lines()
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty() && !line.startsWith("location:"))
                .toList();
        if (lines.size() <= 1) {
            return String.join("", lines);
        }
        return lines.get(0) + " (" + String.join("; ", lines.subList(1, lines.size())) + ")";
    }
}
