package dev.headroom.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a copy of {@code notebooks/execute.sh} next to a {@code headroom} launcher that does
 * nothing, with a {@code java} on the PATH that prints its arguments in place of the runner.
 */
class ExecuteScriptTest {

    private static final Path SCRIPT = Path.of("..", "notebooks", "execute.sh");

    @TempDir
    Path folder;

    /** The script's output and exit code. */
    private record Result(String output, int code) {
    }

    private Result execute(String... args) throws Exception {
        Path root = folder.resolve("repo");
        Path notebooks = Files.createDirectories(root.resolve("notebooks"));
        Path script = Files.copy(SCRIPT, notebooks.resolve("execute.sh"));
        makeExecutable(script);
        Files.writeString(root.resolve("headroom"), "#!/bin/sh\nexit 0\n");
        makeExecutable(root.resolve("headroom"));
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
        makeExecutable(bin.resolve("java"));

        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("output").toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not finish");
        return new Result(Files.readString(folder.resolve("output"), StandardCharsets.UTF_8),
                process.exitValue());
    }

    /** Writes a valid notebook into the script's working folder, for nbformat to check. */
    private void notebook(String name) throws Exception {
        Files.copy(Path.of("..", "notebooks", "seed-plan.ipynb"), folder.resolve(name));
    }

    private static void makeExecutable(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void runnerOptions_passedToEveryNotebook() throws Exception {
        notebook("a.ipynb");
        notebook("b.ipynb");

        Result result = execute("--cell-timeout", "900", "--verbose", "a.ipynb", "b.ipynb");

        assertTrue(result.output().contains("NotebookRunner --cell-timeout 900 --verbose"
                + " a.ipynb\n"), result.output());
        assertTrue(result.output().contains("NotebookRunner --cell-timeout 900 --verbose"
                + " b.ipynb\n"), result.output());
    }

    @Test
    void noOption_passesNotebookAlone() throws Exception {
        notebook("a.ipynb");

        Result result = execute("a.ipynb");

        assertTrue(result.output().contains("NotebookRunner a.ipynb\n"), result.output());
    }

    @Test
    void cellTimeoutWithoutValue_exitsTwo() throws Exception {
        Result result = execute("--cell-timeout");

        assertEquals(2, result.code());
        assertEquals("execute.sh: --cell-timeout needs a number of seconds, such as"
                + " --cell-timeout 900", result.output().strip());
    }

    @Test
    void unknownOption_exitsTwo() throws Exception {
        Result result = execute("--bogus", "a.ipynb");

        assertEquals(2, result.code());
        assertEquals("execute.sh: unknown option '--bogus'; the options are --html, --verbose"
                + " and --cell-timeout SECONDS", result.output().strip());
    }
}
