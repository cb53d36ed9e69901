package dev.headroom.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a set of report files into one folder so that a failure leaves the folder's earlier
 * files as they were, instead of a mix of new and old ones. Every file is first written in full
 * to a temporary file in the same folder, and only then moved over its target.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Writes each text, in UTF-8, to the file of its name in {@code folder}, creating the folder
     * if needed and replacing files of the same names.
     *
     * @param texts file names mapped to their contents, in the order to write them
     * @return the files written, in order
     * @throws IOException if a target is a folder or a file cannot be written. No target has
     *     changed then, unless the failure came while moving finished files over their targets.
     */
    static List<Path> writeAll(Path folder, Map<String, String> texts) throws IOException {
        Files.createDirectories(folder);
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                Path target = folder.resolve(text.getKey());
                if (Files.isDirectory(target)) {
                    throw new FileSystemException(target.toString(), null, "is a folder");
                }
                Path temporary = newTemporary(folder, text.getKey());
                staged.put(target, temporary);
                Files.writeString(temporary, text.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            for (Path temporary : staged.values()) {
                Files.deleteIfExists(temporary);
            }
            throw e;
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, Path> file : staged.entrySet()) {
            move(file.getValue(), file.getKey());
            written.add(file.getKey());
        }
        return written;
    }

    /**
     * Creates an empty temporary file for {@code name} in {@code folder}, with the permissions of
     * any new file there. {@code Files.createTempFile} would make it readable by its owner alone,
     * and the move would give the report file those permissions.
     */
    private static Path newTemporary(Path folder, String name) throws IOException {
        while (true) {
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
