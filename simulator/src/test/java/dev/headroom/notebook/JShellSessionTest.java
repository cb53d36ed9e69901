package dev.headroom.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.testing.Warnings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Evaluates cells in one shared JShell session, since each session launches a JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JShellSessionTest {

    private JShellSession session;

    @BeforeAll
    void start() {
        session = new JShellSession(List.of(), Path.of(""));
    }

    @AfterAll
    void stop() {
        session.close();
    }

    @Test
    void evaluate_exitingCell_fails() throws Exception {
        try (JShellSession own = new JShellSession(List.of(), Path.of(""))) {
            own.evaluate(1, "int kept = 1;");

            CellFailedException exit = assertThrows(CellFailedException.class,
                    () -> own.evaluate(2, "System.out.println(\"bye\");\nSystem.exit(0);"));
            CellFailedException later = assertThrows(CellFailedException.class,
                    () -> own.evaluate(3, "kept + 1"));

            assertEquals(2, exit.cellNumber());
            assertTrue(exit.getMessage().contains("line 2 (System.exit(0);): the JShell session"
                    + " ended, for example through System.exit"), exit.getMessage());
            assertEquals(3, later.cellNumber());
            assertTrue(later.getMessage().contains("the JShell session ended"),
                    later.getMessage());
        }
    }

    @Test
    void close_idleJvm_exitsWithoutKill() throws Exception {
        List<String> warnings = Warnings.loggedBy(CellJvm.class, () -> {
            JShellSession own = new JShellSession(List.of(), Path.of(""));
            own.evaluate(1, "1 + 1");

            own.close();
        });

        assertEquals(List.of(), warnings);
    }

    @Test
    void close_hangingJvm_logsKill() throws Exception {
        List<String> warnings = Warnings.loggedBy(CellJvm.class, () -> {
            JShellSession own = new JShellSession(List.of(), Path.of(""));
            own.evaluate(1, "Runtime.getRuntime().addShutdownHook(new Thread(() -> {\n"
                    + "    while (true) {\n"
                    + "        try { Thread.sleep(1_000); } catch (InterruptedException e) { }\n"
                    + "    }\n"
                    + "}));");

            own.close();
        });

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("did not exit within"), warnings.get(0));
    }

    @Test
    void evaluate_endlessOutput_failsAtLimit() throws Exception {
        try (JShellSession own = new JShellSession(List.of(), Path.of(""), 10_000,
                JShellSession.DEFAULT_CELL_TIMEOUT)) {
            CellFailedException e = assertThrows(CellFailedException.class,
                    () -> own.evaluate(2, "while (true) System.out.println(\"x\".repeat(99));"));

            assertEquals(2, e.cellNumber());
            assertTrue(e.getMessage().contains("printed more than 10000 bytes, so its JVM was"
                    + " stopped"), e.getMessage());
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void evaluate_endlessLoop_failsAtTimeout() throws Exception {
        try (JShellSession own = new JShellSession(List.of(), Path.of(""), 10_000,
                Duration.ofSeconds(2))) {
            own.evaluate(1, "int spins = 0;");

            CellFailedException e = assertThrows(CellFailedException.class,
                    () -> own.evaluate(2, "while (true) spins++;"));

            assertEquals(2, e.cellNumber());
            assertTrue(e.getMessage().contains("ran longer than 2 s, so its JVM was stopped"),
                    e.getMessage());
        }
    }

    @Test
    void evaluate_keepsVariablesAcrossCells() throws Exception {
        session.evaluate(1, "int base = 20;\nSystem.out.println(\"base \" + base);");

        CellResult result = session.evaluate(2, "System.err.println(\"é\");\nbase * 2 + 2");

        assertEquals("", result.stdout());
        assertEquals("é\n", result.stderr());
        assertEquals(Optional.of("42"), result.value());
    }

    @Test
    void evaluate_shortStringValue_isQuotedAndEscaped() throws Exception {
        CellResult result = session.evaluate(1, "\"say \\\"hi\\\"\\n\".repeat(2)");

        assertEquals(Optional.of("\"say \\\"hi\\\"\\nsay \\\"hi\\\"\\n\""),
                result.value());
    }

    @Test
    void evaluate_longStringValue_isWhole() throws Exception {
        CellResult result = session.evaluate(1, "System.out.print(\"before\");\n"
                + "\"ab\".repeat(15_000) + \"é\"");

        assertEquals("before", result.stdout());
        assertWhole("\"" + "ab".repeat(15_000) + "é\"", result.value());
    }

    @Test
    void evaluate_longNamedValue_isWhole() throws Exception {
        session.evaluate(1, "var rows = new StringBuilder();\n"
                + "for (int i = 0; i < 5_000; i++) rows.append(\"row \").append(i).append('\\n');");

        CellResult result = session.evaluate(2, "rows");

        String expected = java.util.stream.IntStream.range(0, 5_000)
                .mapToObj(i -> "row " + i + "\n").collect(java.util.stream.Collectors.joining());
        assertWhole(expected, result.value());
    }

    @Test
    void evaluate_valuePastLimit_fails() throws Exception {
        try (JShellSession own = new JShellSession(List.of(), Path.of(""), 40_000,
                JShellSession.DEFAULT_CELL_TIMEOUT)) {
            own.evaluate(1, "\"x\".repeat(39_000)");

            CellFailedException e = assertThrows(CellFailedException.class,
                    () -> own.evaluate(2, "System.out.print(\"y\".repeat(2_000));\n"
                            + "\"x\".repeat(39_000)"));

            assertEquals(2, e.cellNumber());
            assertTrue(e.getMessage().contains("line 2 (\"x\".repeat(39_000)) has a value that,"
                    + " with what the cell printed, is larger than 40000 bytes"), e.getMessage());
        }
    }

    @Test
    void evaluate_throwingToString_showsNoValue() throws Exception {
        CellResult result = session.evaluate(1, "new Object() {\n"
                + "    public String toString() {\n"
                + "        throw new IllegalStateException(\"no\");\n"
                + "    }\n"
                + "}");

        assertEquals("", result.stdout() + result.stderr());
        assertEquals(Optional.empty(), result.value());
    }

    @Test
    void evaluate_nullValue_isShownAsNull() throws Exception {
        CellResult result = session.evaluate(1, "String nothing = null;\nnothing");

        assertEquals(Optional.of("null"), result.value());
    }

    @Test
    void evaluate_statementLast_hasNoValue() throws Exception {
        CellResult result = session.evaluate(1, "String word = \"a\";\nSystem.out.print(word);");

        assertEquals("a", result.stdout());
        assertEquals(Optional.empty(), result.value());
    }

    @Test
    void evaluate_compileError_namesLineAndDiagnostic() {
        CellFailedException e = assertThrows(CellFailedException.class,
                () -> session.evaluate(4, "int ok = 1;\n\nint bad = missingName + 1;"));

        assertEquals(4, e.cellNumber());
        assertTrue(e.getMessage().startsWith("cell 4 failed: line 3 (int bad = missingName"),
                e.getMessage());
        assertTrue(e.getMessage().contains("does not compile: line 3: cannot find symbol"),
                e.getMessage());
        assertTrue(e.getMessage().contains("missingName"), e.getMessage());
    }

    @Test
    void evaluate_throwingCell_namesException() {
        CellFailedException e = assertThrows(CellFailedException.class,
                () -> session.evaluate(2, "System.out.println(\"before\");\nint q = 1 / 0;"));

        assertTrue(e.getMessage().contains(
                "line 2 (int q = 1 / 0;) threw java.lang.ArithmeticException: / by zero"),
                e.getMessage());
    }

    @Test
    void evaluate_throwingCell_dropsItsOutput() throws Exception {
        assertThrows(CellFailedException.class,
                () -> session.evaluate(1, "System.out.println(\"lost\");\nthrow new"
                        + " IllegalStateException(\"stop\");"));

        CellResult next = session.evaluate(2, "System.out.println(\"next\");");

        assertEquals("next\n", next.stdout());
    }

    @Test
    void evaluate_undefinedType_namesIt() {
        CellFailedException e = assertThrows(CellFailedException.class,
                () -> session.evaluate(3, "NoSuchType value;"));

        assertTrue(e.getMessage().contains("refers to something undefined"), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchType"), e.getMessage());
    }

    @Test
    void evaluate_unfinishedBlock_isReported() {
        CellFailedException e = assertThrows(CellFailedException.class,
                () -> session.evaluate(5, "for (int i = 0; i < 3; i++) {\n  i++;"));

        assertTrue(e.getMessage().contains("line 1 (for (int i = 0; i < 3; i++) {)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("unfinished statement or block"), e.getMessage());
    }

    @Test
    void evaluate_unfinishedBlock_dropsEarlierOutput() throws Exception {
        assertThrows(CellFailedException.class,
                () -> session.evaluate(1, "System.out.println(\"lost\");\nif (true) {"));

        CellResult next = session.evaluate(2, "System.out.print(\"next\");");

        assertEquals("next", next.stdout());
    }

    @Test
    void evaluate_deeplyNestedExpression_failsCell() {
        String sum = "long total = " + "1 + ".repeat(100_000) + "1;";
        try (JShellSession own = new JShellSession(List.of(), Path.of(""))) {
            CellFailedException e = assertThrows(CellFailedException.class,
                    () -> own.evaluate(2, "int ok = 1;\n" + sum));

            assertEquals(2, e.cellNumber());
            assertTrue(e.getMessage().contains("line 2 (long total = 1 + 1 + "), e.getMessage());
            assertTrue(e.getMessage().contains("nested too deeply for the Java compiler"),
                    e.getMessage());
        }
    }

    /** Compares a long value by its length first, so a cut value fails with a short message. */
    private static void assertWhole(String expected, Optional<String> value) {
        String actual = value.orElseThrow();
        assertEquals(expected.length(), actual.length(), "length of the value");
        assertTrue(expected.equals(actual), "the value differs from the expected text");
    }
}
