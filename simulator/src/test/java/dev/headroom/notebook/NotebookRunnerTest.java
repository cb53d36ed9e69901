package dev.headroom.notebook;

import static dev.headroom.notebook.TestNotebooks.code;
import static dev.headroom.notebook.TestNotebooks.markdown;
import static dev.headroom.notebook.TestNotebooks.notebook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {

    /** The seed-plan notebook, from the simulator module's folder where tests run. */
    private static final Path SEED_PLAN = Path.of("..", "notebooks", "seed-plan.ipynb");

    /** The notebook that compares two bundled examples, from the same folder. */
    private static final Path POSTGRES_OR_DYNAMODB =
            Path.of("..", "notebooks", "postgres-or-dynamodb.ipynb");

    private static final String SMALL = notebook(
            markdown("# Small"),
            code("import java.util.List;\nList<Integer> sizes = List.of(3, 4);\n"
                    + "System.out.println(\"sizes \" + sizes);"),
            markdown("More"),
            code("sizes.stream().mapToInt(Integer::intValue).sum()"));

    @TempDir
    Path folder;

    @Test
    void seedPlan_runsEveryCellAndPrintsTables() throws Exception {
        String committed = Files.readString(SEED_PLAN, StandardCharsets.UTF_8);
        Notebook source = Notebook.parse(committed, SEED_PLAN.toString());

        Notebook executed = NotebookRunner.withJvmClasspath()
                .execute(source, SEED_PLAN.getParent());

        StringBuilder printed = new StringBuilder();
        int executionCount = 0;
        for (int index = 0; index < executed.cellCount(); index++) {
            if (!executed.isCode(index)) {
                continue;
            }
            executionCount++;
            for (JsonElement element : executed.outputs(index)) {
                JsonObject output = element.getAsJsonObject();
                String type = output.get("output_type").getAsString();
                assertFalse(type.equals("error"), "cell " + (index + 1) + ": " + output);
                if (type.equals("stream")) {
                    assertEquals("stdout", output.get("name").getAsString(),
                            "cell " + (index + 1) + " wrote to stderr: " + output);
                    printed.append(MultilineText.join(output.get("text")));
                }
            }
        }
        assertTrue(executionCount >= 5, "code cells executed: " + executionCount);
        String text = printed.toString();
        for (String heading : List.of("limits", "binds_on", "count_that_day", "capacity",
                "nominal_max_users", "users_at_first_failed_sign_up", "costs", "users_at_year_end",
                "total_cost_micros", "phase-changes", "phase-costs", "hosting_last_30_days_micros",
                "Top-ups:", "admission designs", "cached-check", "atomic-debit",
                "overspend_micros")) {
            assertTrue(text.contains(heading), "no '" + heading + "' in:\n" + text);
        }
        assertEquals(committed, executed.toJson(),
                "the outputs changed; run notebooks/execute.sh and review the difference");
    }

    @Test
    void postgresOrDynamodb_matchesCommittedOutputs() throws Exception {
        String committed = Files.readString(POSTGRES_OR_DYNAMODB, StandardCharsets.UTF_8);
        Notebook source = Notebook.parse(committed, POSTGRES_OR_DYNAMODB.toString());

        Notebook executed = NotebookRunner.withJvmClasspath()
                .execute(source, POSTGRES_OR_DYNAMODB.getParent());

        assertEquals(committed, executed.toJson(),
                "the outputs changed; run notebooks/execute.sh and review the difference");
    }

    @Test
    void execute_smallNotebook_writesSameOutputsTwice() throws Exception {
        Path input = write("small.ipynb", SMALL);
        Path first = folder.resolve("first.ipynb");
        Path second = folder.resolve("second.ipynb");
        NotebookRunner runner = NotebookRunner.withJvmClasspath();

        runner.execute(input, first);
        runner.execute(input, second);

        String text = Files.readString(first, StandardCharsets.UTF_8);
        assertEquals(text, Files.readString(second, StandardCharsets.UTF_8));
        Notebook executed = Notebook.parse(text, "first.ipynb");
        assertEquals(0, executed.outputs(0).size());
        JsonArray printed = executed.outputs(1);
        assertEquals(1, printed.size());
        assertEquals("sizes [3, 4]\n", MultilineText.join(
                printed.get(0).getAsJsonObject().get("text")));
        JsonObject result = executed.outputs(3).get(0).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals(2, result.get("execution_count").getAsInt());
        assertEquals("7", MultilineText.join(
                result.getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void execute_blankCell_leftUncounted() throws Exception {
        Path input = write("blank.ipynb", notebook(code("int a = 1;"), code("  \n"),
                code("a + 1")));
        Path output = folder.resolve("out.ipynb");

        NotebookRunner.withJvmClasspath().execute(input, output);

        JsonArray cells = JsonParser.parseString(Files.readString(output, StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonArray("cells");
        assertTrue(cells.get(1).getAsJsonObject().get("execution_count").isJsonNull());
        assertEquals(2, cells.get(2).getAsJsonObject().get("execution_count").getAsInt());
    }

    @Test
    void run_notUtf8_isBadInput() throws Exception {
        Path input = folder.resolve("latin1.ipynb");
        Files.write(input, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = NotebookRunner.run(new String[] {input.toString()});
        } finally {
            System.setErr(original);
        }

        assertEquals(NotebookRunner.EXIT_BAD_INPUT, exitCode);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(input + ": not UTF-8 text;"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void executedNotebook_validatesWithNbformat() throws Exception {
        assumeTrue(run(List.of("/usr/bin/python3", "-c", "import nbformat")) == 0,
                "/usr/bin/python3 cannot import nbformat; apt-get install python3-nbformat");
        Path output = folder.resolve("small-out.ipynb");
        NotebookRunner.withJvmClasspath().execute(write("small.ipynb", SMALL), output);

        int exitCode = run(List.of("/usr/bin/python3", "-c", "import sys, nbformat\n"
                + "nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
                output.toString()));

        assertEquals(0, exitCode, "nbformat rejected " + output);
    }

    @Test
    void execute_relativePath_resolvesInNotebookFolder() throws Exception {
        Files.writeString(folder.resolve("numbers.txt"), "3 4", StandardCharsets.UTF_8);
        Path input = write("relative.ipynb", notebook(code("import java.nio.file.*;\n"
                + "System.out.println(new java.io.File(\"numbers.txt\").exists());\n"
                + "Files.readString(Path.of(\"numbers.txt\"))")));
        Path output = folder.resolve("relative-out.ipynb");

        NotebookRunner.withJvmClasspath().execute(input, output);

        Notebook executed = Notebook.parse(Files.readString(output, StandardCharsets.UTF_8),
                "relative-out.ipynb");
        JsonArray outputs = executed.outputs(0);
        assertEquals("true\n", MultilineText.join(outputs.get(0).getAsJsonObject().get("text")));
        assertEquals("\"3 4\"", MultilineText.join(
                outputs.get(1).getAsJsonObject().getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void killedRunner_endsCellJvm() throws Exception {
        Path input = write("endless.ipynb", notebook(code("java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"started\"), \"\");\nwhile (true) { }")));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process runner = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), NotebookRunner.class.getName(),
                input.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("runner.log").toFile())
                .start();
        List<ProcessHandle> cellJvms = new ArrayList<>();
        try {
            waitFor(() -> Files.exists(folder.resolve("started")) || !runner.isAlive());
            runner.descendants().forEach(cellJvms::add);
            assertFalse(cellJvms.isEmpty(), "the runner started no JVM for the cells");

            runner.destroyForcibly();

            waitFor(() -> cellJvms.stream().noneMatch(ProcessHandle::isAlive));
            for (ProcessHandle cellJvm : cellJvms) {
                assertFalse(cellJvm.isAlive(), "JVM " + cellJvm.pid() + " is still running");
            }
        } finally {
            runner.destroyForcibly();
            cellJvms.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void run_failingCell_leavesOutputUnwritten() throws Exception {
        Path input = write("failing.ipynb", notebook(markdown("m"), code("int a = 1;"),
                code("int b = a / 0;")));
        Path output = folder.resolve("out.ipynb");

        int exitCode = NotebookRunner.run(new String[] {input.toString(), output.toString()});

        assertEquals(NotebookRunner.EXIT_CELL_FAILED, exitCode);
        assertFalse(Files.exists(output));
    }

    @Test
    void run_unwritableOutput_failsBeforeCells() throws Exception {
        Path input = write("marker.ipynb", notebook(code("java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"ran\"), \"\");")));
        Path plainFile = write("plain.txt", "");
        String before = Files.readString(input, StandardCharsets.UTF_8);

        for (Path output : List.of(folder.resolve("missing").resolve("out.ipynb"),
                plainFile.resolve("out.ipynb"), folder)) {
            int exitCode = NotebookRunner.run(new String[] {input.toString(), output.toString()});

            assertEquals(NotebookRunner.EXIT_BAD_INPUT, exitCode, output.toString());
        }
        assertFalse(Files.exists(folder.resolve("ran")), "a cell ran before the output check");
        assertEquals(before, Files.readString(input, StandardCharsets.UTF_8));
    }

    @Test
    void run_failedWrite_leavesNotebookWhole() throws Exception {
        Path input = write("grows.ipynb", notebook(code("\"x\".repeat(2000)")));
        String before = Files.readString(input, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The shell limits the size of every file the runner writes to 1 KiB, which the
        // executed notebook exceeds, as a full disk would stop the write part way.
        int exitCode = run(List.of("/bin/bash", "-c", "ulimit -f 1 && exec \"$0\""
                + " -XX:-UsePerfData -cp \"$1\" " + NotebookRunner.class.getName() + " \"$2\"",
                java.toString(), System.getProperty("java.class.path"), input.toString()));

        assertEquals(NotebookRunner.EXIT_BAD_INPUT, exitCode,
                Files.readString(folder.resolve("process.log"), StandardCharsets.UTF_8));
        assertEquals(before, Files.readString(input, StandardCharsets.UTF_8));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("grows.ipynb", "process.log"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void run_heapOption_reachesCellJvm() throws Exception {
        Path input = write("heap.ipynb", notebook(code("java.lang.management.ManagementFactory"
                + ".getRuntimeMXBean().getInputArguments().contains(\"-Xmx200m\")")));
        Path output = folder.resolve("heap-out.ipynb");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int exitCode = run(List.of(java.toString(), "-Xmx200m", "-cp",
                System.getProperty("java.class.path"), NotebookRunner.class.getName(),
                input.toString(), output.toString()));

        assertEquals(NotebookRunner.EXIT_OK, exitCode,
                Files.readString(folder.resolve("process.log"), StandardCharsets.UTF_8));
        Notebook executed = Notebook.parse(Files.readString(output, StandardCharsets.UTF_8),
                "heap-out.ipynb");
        assertEquals("true", MultilineText.join(executed.outputs(0).get(0).getAsJsonObject()
                .getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void execute_cellJvm_usesRootLocale() throws Exception {
        Path input = write("locale.ipynb",
                notebook(code("java.util.Locale.getDefault().toLanguageTag()")));
        Path output = folder.resolve("locale-out.ipynb");

        NotebookRunner.withJvmClasspath().execute(input, output);

        Notebook executed = Notebook.parse(Files.readString(output, StandardCharsets.UTF_8),
                "locale-out.ipynb");
        assertEquals("\"und\"", MultilineText.join(executed.outputs(0).get(0)
                .getAsJsonObject().getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void run_unknownOption_isBadInput() {
        assertEquals(NotebookRunner.EXIT_BAD_INPUT,
                NotebookRunner.run(new String[] {"--quiet", "a.ipynb"}));
    }

    @Test
    void run_invalidCellTimeout_isBadInput() {
        for (String seconds : new String[] {"0", "-5", "ten", "1e3", "9999999999"}) {
            assertEquals(NotebookRunner.EXIT_BAD_INPUT, NotebookRunner.run(
                    new String[] {"--cell-timeout", seconds, "a.ipynb"}), seconds);
        }
        assertEquals(NotebookRunner.EXIT_BAD_INPUT,
                NotebookRunner.run(new String[] {"a.ipynb", "--cell-timeout"}));
    }

    @Test
    void run_missingFile_isBadInput() {
        int exitCode = NotebookRunner.run(new String[] {folder.resolve("none.ipynb").toString()});

        assertEquals(NotebookRunner.EXIT_BAD_INPUT, exitCode);
    }

    @Test
    void run_noArguments_isBadInput() {
        assertEquals(NotebookRunner.EXIT_BAD_INPUT, NotebookRunner.run(new String[0]));
    }

    private Path write(String name, String json) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    /** Waits up to 30 s for {@code condition}, checking it every 100 ms. */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private int run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("process.log").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
