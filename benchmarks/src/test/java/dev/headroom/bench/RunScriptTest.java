package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JMH options that {@code benchmarks/run.sh} passes, read from a stand-in {@code java} that
 * records its arguments in a copy of the project layout, so no benchmark runs.
 */
class RunScriptTest {

    private static final String SHORT_ROWS = "-p rows=10,100000";

    @TempDir
    Path project;

    @Test
    void otherParameterKeepsShortRows() throws Exception {
        String slow = slowCall(run("short", "-p", "shards=5"));
        assertTrue(slow.contains(SHORT_ROWS), slow);
        assertTrue(slow.contains("-p shards=5"), slow);
    }

    @Test
    void rowsParameterReplacesShortRows() throws Exception {
        String slow = slowCall(run("short", "-p", "rows=1000"));
        assertFalse(slow.contains(SHORT_ROWS), slow);
        assertTrue(slow.contains("-p rows=1000"), slow);
    }

    @Test
    void forkOptionReplacesShortForks() throws Exception {
        String slow = slowCall(run("short", "-f", "2"));
        assertFalse(slow.contains("-f 1"), slow);
        assertTrue(slow.contains(SHORT_ROWS), slow);
    }

    /** Runs a copy of run.sh with a stand-in java and returns the java calls it made. */
    private List<String> run(String... arguments) throws IOException, InterruptedException {
        Path benchmarks = Files.createDirectories(project.resolve("benchmarks"));
        Files.createDirectories(project.resolve("adapters"));
        Files.createDirectories(project.resolve("simulator"));
        Files.writeString(project.resolve("pom.xml"), "");
        Files.copy(Path.of("run.sh"), benchmarks.resolve("run.sh"));
        Path jar = Files.createDirectories(benchmarks.resolve("target")).resolve("benchmarks.jar");
        Files.writeString(jar, "");
        // run.sh rebuilds when any source is newer than the jar, so date the jar ahead.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3_600)));
        Path bin = Files.createDirectories(project.resolve("bin"));
        Path calls = project.resolve("calls.txt");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        assertTrue(java.toFile().setExecutable(true), "cannot make " + java + " executable");

        List<String> command = new ArrayList<>(List.of("bash", "benchmarks/run.sh"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("output.txt").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "run.sh timed out");
        assertEquals(0, process.exitValue(),
                Files.readString(project.resolve("output.txt"), StandardCharsets.UTF_8));
        return Files.readAllLines(calls, StandardCharsets.UTF_8);
    }

    private static String slowCall(List<String> calls) {
        return calls.stream().filter(call -> call.contains("BalanceBenchmark")).findFirst()
                .orElseThrow(() -> new AssertionError("no BalanceBenchmark call in " + calls));
    }
}
