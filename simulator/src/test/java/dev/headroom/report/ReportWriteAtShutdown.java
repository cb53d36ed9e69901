package dev.headroom.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Main class of a JVM that {@code ReportFilesTest} runs: a shutdown hook writes a report file
 * and prints the class and message of the exception that the write throws.
 */
final class ReportWriteAtShutdown {

    private ReportWriteAtShutdown() {
    }

    /**
     * Exits, and writes into the folder while the JVM stops.
     *
     * @param args the folder to write into
     */
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                ReportFiles.writeAll(Path.of(args[0]), Map.of("a.csv", "new"));
                System.out.println("written");
            } catch (IOException | RuntimeException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }));
        System.exit(0);
    }
}
