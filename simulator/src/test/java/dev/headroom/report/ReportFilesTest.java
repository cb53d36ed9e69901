package dev.headroom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path folder;

    @Test
    void writeAll_replacesFilesInOrder() throws IOException {
        Files.writeString(folder.resolve("a.csv"), "old a");

        List<Path> written = ReportFiles.writeAll(folder, texts("new a", "new b"));

        assertEquals(List.of(folder.resolve("a.csv"), folder.resolve("b.csv")), written);
        assertEquals("new a", Files.readString(folder.resolve("a.csv")));
        assertEquals("new b", Files.readString(folder.resolve("b.csv")));
        assertEquals(List.of("a.csv", "b.csv"), names());
    }

    @Test
    void writeAll_targetIsFolder_leavesEarlierFiles() throws IOException {
        Files.writeString(folder.resolve("a.csv"), "old a");
        Path blocked = Files.createDirectory(folder.resolve("b.csv"));

        FileSystemException error = assertThrows(FileSystemException.class,
                () -> ReportFiles.writeAll(folder, texts("new a", "new b")));

        assertEquals(blocked.toString(), error.getFile());
        assertEquals("old a", Files.readString(folder.resolve("a.csv")));
        assertEquals(List.of("a.csv", "b.csv"), names());
    }

    @Test
    void writeAll_missingFolder_createsIt() throws IOException {
        Path nested = folder.resolve("reports").resolve("run-1");

        ReportFiles.writeAll(nested, texts("a", "b"));

        assertEquals("b", Files.readString(nested.resolve("b.csv")));
    }

    @Test
    void writeStaged_deletedTemporary_isNotRecreated() throws IOException {
        Path deleted = folder.resolve(".a.csv.1.tmp");

        assertThrows(NoSuchFileException.class, () -> ReportFiles.writeStaged(deleted, "new a"));

        assertEquals(List.of(), names());
    }

    @Test
    void writeAll_permissions_asNewFile() throws IOException {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(folder.resolve("reference"));

        ReportFiles.writeAll(folder, texts("a", "b"));

        assertEquals(Files.getPosixFilePermissions(reference),
                Files.getPosixFilePermissions(folder.resolve("a.csv")));
    }

    @Test
    void writeAll_stoppedJvm_leavesNoTemporary() throws Exception {
        for (int i = 0; i < SlowReportWrite.FILES; i++) {
            Files.writeString(folder.resolve("file-" + i + ".csv"), "old");
        }
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), SlowReportWrite.class.getName(),
                folder.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean stopped = false;
        while (writer.isAlive() && !stopped) {
            if (names().stream().anyMatch(name -> name.endsWith(".tmp"))) {
                // SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does.
                writer.destroy();
                stopped = true;
            }
            Thread.sleep(1);
        }
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer did not stop in 60 s");

        assertTrue(stopped, "the writer finished before a temporary file showed");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < SlowReportWrite.FILES; i++) {
            String text = Files.readString(folder.resolve("file-" + i + ".csv"));
            contents.add(text.equals("old") ? "old" : "new");
        }
        assertEquals(1, contents.stream().distinct().count(), contents.toString());
        assertEquals(SlowReportWrite.FILES, names().size(), names().toString());
    }

    @Test
    void writeAll_duringShutdown_throwsIoException() throws Exception {
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ReportWriteAtShutdown.class.getName(), folder.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(writer.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer did not stop in 60 s");

        assertEquals("IOException: the JVM is stopping, so the report files in " + folder
                + " were left as they were", output.strip());
        assertEquals(List.of(), names());
    }

    private static Map<String, String> texts(String first, String second) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a.csv", first);
        texts.put("b.csv", second);
        return texts;
    }

    /** Returns the folder's entries by name, so that a leftover temporary file shows. */
    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
