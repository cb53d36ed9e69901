package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI's main method in a JVM of its own, under a default charset or locale that the
 * output must not depend on.
 */
class MainProcessTest {

    private static final String SCENARIO = """
            name: drei-nutzer-ü-ı
            start_date: 2025-01-06
            horizon: 1d
            growth: {kind: piecewise, points: [{at: 0d, users: 3}]}
            plan:
              hourly_rate: 100
              phases:
                - {name: blatt, backend: {kind: sheets}}
            """;

    @TempDir
    Path folder;

    private Result validate(String scenario) throws Exception {
        Path file = folder.resolve("scenario.yaml");
        Files.writeString(file, scenario, StandardCharsets.UTF_8);
        return run(List.of("-Dfile.encoding=ISO-8859-1"), "validate", file.toString());
    }

    private Result run(List<String> jvmOptions, String... args) throws Exception {
        return run(Map.of(), jvmOptions, args);
    }

    private Result run(Map<String, String> environment, List<String> jvmOptions,
            String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(folder.resolve("out").toFile())
                .redirectError(folder.resolve("err").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI did not finish in 60 s");
        return new Result(process.exitValue(), text(folder.resolve("out")),
                text(folder.resolve("err")));
    }

    /** Returns the file's bytes read as UTF-8, with each malformed sequence replaced. */
    private static String text(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void validate_latin1Default_printsUtf8() throws Exception {
        Result result = validate(SCENARIO);

        assertEquals(Main.EXIT_OK, result.code(), result.err());
        assertTrue(result.out().contains("valid scenario 'drei-nutzer-ü-ı'"), result.out());
    }

    @Test
    void validate_latin1Default_errorInUtf8() throws Exception {
        Result result = validate(SCENARIO + "größe: 1\n");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains(":9:1: größe: unknown field"), result.err());
    }

    @Test
    void validate_nonAsciiTableInAsciiLocale() throws Exception {
        // Under the POSIX locale, Java on Linux encodes file names in ASCII, so it can form no
        // path from this table name. The scenario's own path is ASCII.
        Path file = folder.resolve("scenario.yaml");
        String scenario = SCENARIO.replace("horizon: 1d\n",
                "horizon: 1d\nworkload: {token_sizes: {source: file, file: tök.csv}}\n");
        Files.writeString(file, scenario, StandardCharsets.UTF_8);

        Result result = run(Map.of("LC_ALL", "C", "LANG", "C"), List.of(), "validate",
                file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        // Where Java encodes file names in UTF-8 whatever the locale, as on macOS, the table is
        // only missing.
        assumeFalse(result.err().contains("not found"), result.err());
        assertTrue(result.err().contains(":4:46: workload.token_sizes.file: invalid path"),
                result.err());
        assertTrue(result.err().contains("LC_ALL=C.UTF-8"), result.err());
    }

    @Test
    void validate_asciiLocale_nonAsciiPathNamesArgument() throws Exception {
        String path = folder.resolve("wörk.yaml").toString();

        Result result = run(Map.of("LC_ALL", "C", "LANG", "C"), List.of(), "validate", path);

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assumeFalse(result.err().contains("not found"), result.err());
        assertTrue(result.err().startsWith("headroom: SCENARIO is '"), result.err());
        assertTrue(result.err().contains("it is not a valid path"), result.err());
        assertTrue(result.err().contains("LC_ALL=C.UTF-8"), result.err());
        assertFalse(result.err().contains("java.nio"), result.err());
    }

    @Test
    void help_turkishLocale_sameOptionOrder() throws Exception {
        Result english = run(List.of("-Duser.language=en"), "workload", "fit", "--help");
        Result turkish = run(List.of("-Duser.language=tr", "-Duser.country=TR"),
                "workload", "fit", "--help");

        assertEquals(Main.EXIT_OK, turkish.code(), turkish.err());
        assertEquals(english.out(), turkish.out());
    }
}
