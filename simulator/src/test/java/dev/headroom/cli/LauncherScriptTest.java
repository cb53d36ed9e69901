package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a copy of the repository's {@code headroom} launcher in a folder of its own, with a
 * built jar in place and a {@code java} on the PATH that prints its arguments.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", "headroom");

    @TempDir
    Path folder;

    private Path copyLauncher() throws Exception {
        Path root = folder.resolve("repo");
        Files.createDirectories(root.resolve("simulator/target"));
        Path script = Files.copy(SCRIPT, root.resolve("headroom"));
        Files.writeString(root.resolve("simulator/target/headroom.jar"), "");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    /** Returns a folder with a {@code java} that prints its arguments and a failing mvn. */
    private Path fakeTools() throws Exception {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        writeExecutable(bin.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
        writeExecutable(bin.resolve("mvn"), "#!/bin/sh\necho mvn was called\nexit 1\n");
        return bin;
    }

    /** Returns a folder with a {@code mvn} that counts its calls and builds the jar slowly. */
    private Path slowBuild() throws Exception {
        Path bin = fakeTools();
        writeExecutable(bin.resolve("mvn"), "#!/bin/sh\necho call >> mvn-calls\nsleep 2\n"
                + "echo jar > simulator/target/headroom.jar\n");
        return bin;
    }

    private static void writeExecutable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process start(Path launcher, Path workingFolder, Path bin, String outputName)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "validate")
                .directory(workingFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(outputName).toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        return builder.start();
    }

    private String finish(Process process, String outputName) throws Exception {
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
        String output = Files.readString(folder.resolve(outputName), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private String run(Path launcher, Path workingFolder) throws Exception {
        return finish(start(launcher, workingFolder, fakeTools(), "output"), "output");
    }

    @Test
    void launcher_calledThroughSymlink_findsJar() throws Exception {
        Path root = copyLauncher();
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("headroom"),
                root.resolve("headroom"));

        String output = run(link, elsewhere);

        String jar = root.toRealPath().resolve("simulator/target/headroom.jar").toString();
        assertTrue(output.contains("-jar " + jar + " validate"), output);
    }

    @Test
    void launcher_readlinkWithoutF_followsSymlinks() throws Exception {
        Path root = copyLauncher();
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Path inner = Files.createSymbolicLink(elsewhere.resolve("inner"),
                Path.of("..", "repo", "headroom"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("headroom"), inner);
        Path bin = fakeTools();
        // The readlink of macOS before 12.3, which rejects -f.
        writeExecutable(bin.resolve("readlink"), "#!/bin/sh\n"
                + "if [ \"$1\" = -f ]; then echo 'illegal option -- f' >&2; exit 1; fi\n"
                + "exec /usr/bin/readlink \"$@\"\n");

        String output = finish(start(link, elsewhere, bin, "output"), "output");

        String jar = root.toRealPath().resolve("simulator/target/headroom.jar").toString();
        assertTrue(output.contains("-jar " + jar + " validate"), output);
    }

    @Test
    void launcher_twoAtOnce_buildOnce() throws Exception {
        Path root = copyLauncher();
        Path jar = root.resolve("simulator/target/headroom.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path bin = slowBuild();

        Process first = start(root.resolve("headroom"), root, bin, "first");
        Process second = start(root.resolve("headroom"), root, bin, "second");
        String firstOutput = finish(first, "first");
        String secondOutput = finish(second, "second");

        assertEquals(List.of("call"), Files.readAllLines(root.resolve("mvn-calls")));
        assertTrue(firstOutput.contains("-jar " + jar), firstOutput);
        assertTrue(secondOutput.contains("-jar " + jar), secondOutput);
    }

    @Test
    void launcher_reportsBesideSources_doNotRebuild() throws Exception {
        Path root = copyLauncher();
        Files.setLastModifiedTime(root.resolve("simulator/target/headroom.jar"),
                FileTime.fromMillis(0));
        // Reports of runs given --out inside the repository, which the jar is not built from.
        Files.createDirectories(root.resolve("scenarios/examples/out"));
        Files.writeString(root.resolve("scenarios/examples/out/limits.csv"), "limit\n");
        Files.createDirectories(root.resolve("simulator/runs"));
        Files.writeString(root.resolve("simulator/runs/report.md"), "# Report\n");

        String output = run(root.resolve("headroom"), root);

        assertFalse(output.contains("mvn was called"), output);
    }

    @Test
    void launcher_mainSourceNewer_rebuilds() throws Exception {
        Path root = copyLauncher();
        Files.setLastModifiedTime(root.resolve("simulator/target/headroom.jar"),
                FileTime.fromMillis(0));
        Path source = root.resolve("adapters/src/main/java/Ledger.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Ledger {}\n");
        Path bin = slowBuild();

        finish(start(root.resolve("headroom"), root, bin, "output"), "output");

        assertEquals(List.of("call"), Files.readAllLines(root.resolve("mvn-calls")));
    }

    @Test
    void launcher_longLocaleList_givesJavaUtf8() throws Exception {
        Path root = copyLauncher();
        Path bin = fakeTools();
        writeExecutable(bin.resolve("java"), "#!/bin/sh\necho \"LC_ALL=$LC_ALL\"\n");
        // C.UTF-8 comes first, and more names follow after grep has seen it.
        writeExecutable(bin.resolve("locale"), "#!/bin/sh\n"
                + "if [ \"$1\" = charmap ]; then echo ANSI_X3.4-1968; exit 0; fi\n"
                + "echo C.UTF-8\nsleep 1\nseq 1 100000 | sed 's/^/xx_XX.utf8@/'\n");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("headroom").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("output").toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");

        String output = finish(builder.start(), "output");

        assertEquals("LC_ALL=C.UTF-8\n", output);
    }

    private static boolean hasUtf8CLocale() throws Exception {
        Process locales = new ProcessBuilder("locale", "-a").start();
        String names = new String(locales.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        return names.lines().anyMatch(name -> name.matches("(?i)c\\.utf-?8"));
    }

    @Test
    void launcher_asciiLocale_givesJavaUtf8() throws Exception {
        assumeTrue(hasUtf8CLocale(), "the system has no C.UTF-8 locale");
        Path root = copyLauncher();
        Path bin = fakeTools();
        writeExecutable(bin.resolve("java"), "#!/bin/sh\necho \"LC_ALL=$LC_ALL\"\n");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("headroom").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("output").toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("LC_ALL", "C");

        String output = finish(builder.start(), "output");

        assertEquals("LC_ALL=C.UTF-8\n", output);
    }
}
