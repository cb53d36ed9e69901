package dev.headroom.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a set of report files into one folder so that a failure leaves the folder's earlier
 * files as they were, instead of a mix of new and old ones. Every file is first written in full
 * to a temporary file in the same folder, and only then moved over its target.
 */
final class ReportFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFiles.class);

    private ReportFiles() {
    }

    /**
     * Writes each text, in UTF-8, to the file of its name in {@code folder}, creating the folder
     * if needed and replacing files of the same names. When the JVM stops during the call, as on
     * Ctrl-C, a shutdown hook deletes the temporary files before the moves begin, and once they
     * have begun it lets them finish, so the folder keeps either every new file or none.
     *
     * @param texts file names mapped to their contents, in the order to write them
     * @return the files written, in order
     * @throws IOException if a target is a folder, a file cannot be written, or the JVM began to
     *     stop before the moves. No target has changed then, unless the failure came while moving
     *     finished files over their targets.
     */
    static List<Path> writeAll(Path folder, Map<String, String> texts) throws IOException {
        Files.createDirectories(folder);
        Staging staging = new Staging(folder);
        Thread cleanup = new Thread(staging::abandon, "report-files-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping, so the call fails before it stages any file.
            staging.abandon();
            staging.checkNotAbandoned();
        }
        try {
            try {
                for (Map.Entry<String, String> text : texts.entrySet()) {
                    writeStaged(staging.add(text.getKey()), text.getValue());
                }
            } catch (IOException e) {
                staging.deleteAll();
                throw e;
            }
            return staging.moveAll();
        } finally {
            removeHook(cleanup);
        }
    }

    /**
     * Writes {@code text} into a temporary file that {@link Staging#add} created. The file is
     * not created again when the shutdown hook has deleted it since, so the write then fails
     * with {@link java.nio.file.NoSuchFileException} and leaves no file behind.
     */
    static void writeStaged(Path temporary, String text) throws IOException {
        Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void removeHook(Thread cleanup) {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run, and the JVM removes it itself.
        }
    }

    /**
     * The temporary files of one {@link #writeAll} call, keyed by their targets. Its methods
     * share one lock, so the shutdown hook's {@link #abandon} runs before the moves or after
     * them, never in between.
     */
    private static final class Staging {

        private final Path folder;
        private final Map<Path, Path> temporaries = new LinkedHashMap<>();
        private boolean abandoned;

        Staging(Path folder) {
            this.folder = folder;
        }

        /** Creates the temporary file for {@code name} and returns it. */
        synchronized Path add(String name) throws IOException {
            checkNotAbandoned();
            Path target = folder.resolve(name);
            if (Files.isDirectory(target)) {
                throw new FileSystemException(target.toString(), null, "is a folder");
            }
            Path temporary = newTemporary(folder, name);
            temporaries.put(target, temporary);
            return temporary;
        }

        /** Moves every temporary file over its target, in order. */
        synchronized List<Path> moveAll() throws IOException {
            checkNotAbandoned();
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> file : temporaries.entrySet()) {
                move(file.getValue(), file.getKey());
                written.add(file.getKey());
            }
            temporaries.clear();
            return written;
        }

        synchronized void deleteAll() throws IOException {
            for (Path temporary : temporaries.values()) {
                Files.deleteIfExists(temporary);
            }
            temporaries.clear();
        }

        /** Deletes the temporary files not yet moved, and makes later calls fail. */
        synchronized void abandon() {
            abandoned = true;
            for (Path temporary : temporaries.values()) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.warn("Deleting the unfinished report file {} failed: {}", temporary,
                            e.toString());
                }
            }
            temporaries.clear();
        }

        private void checkNotAbandoned() throws IOException {
            if (abandoned) {
                throw new IOException("the JVM is stopping, so the report files in " + folder
                        + " were left as they were");
            }
        }
    }

    /**
     * Creates an empty temporary file for {@code name} in {@code folder}, with the permissions of
     * any new file there. {@code Files.createTempFile} would make it readable by its owner alone,
     * and the move would give the report file those permissions.
     */
    private static Path newTemporary(Path folder, String name) throws IOException {
        while (true) {
            // The draw only picks a name no other writer holds, and no output depends on it,
            // so it need not come from the run's seeded streams.
            Path candidate = folder.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // Another writer took this name; draw another.
            }
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
