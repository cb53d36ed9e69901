package dev.headroom.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Main class of a JVM that {@code ReportFilesTest} stops while it writes. Its files are large
 * enough that staging them takes a noticeable time.
 */
final class SlowReportWrite {

    /** Files written, each of {@link #FILE_CHARS} characters. */
    static final int FILES = 6;

    /** Characters of each file. */
    static final int FILE_CHARS = 32 << 20;

    private SlowReportWrite() {
    }

    /**
     * Writes the files.
     *
     * @param args the folder to write into
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < FILES; i++) {
            texts.put("file-" + i + ".csv", String.valueOf((char) ('a' + i)).repeat(FILE_CHARS));
        }
        ReportFiles.writeAll(Path.of(args[0]), texts);
    }
}
