package dev.headroom.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * The file an executed notebook is written to, checked before the cells run and replaced in one
 * step, so that a write that fails, for example on a full disk, leaves the old file whole.
 */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * Checks that {@code output} can be written: its folder exists and is writable, and it is
     * not a folder or a read-only file.
     *
     * @throws InvalidNotebookException naming the path and what is wrong with it
     */
    static void check(Path output) throws InvalidNotebookException {
        Path folder = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output)) {
            throw unusable(output, "the path is a folder; give the path of a notebook file");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw unusable(output, "its folder " + folder + " does not exist; create it first");
        }
        if (!Files.isWritable(folder)) {
            throw unusable(output, "its folder " + folder + " is read-only; give a path in a"
                    + " writable folder");
        }
        if (Files.exists(output) && !Files.isWritable(output)) {
            throw unusable(output, "the file is read-only; make it writable or give another"
                    + " path");
        }
    }

    /**
     * Writes {@code text} to a new file beside {@code output} and moves it over {@code output},
     * which keeps its permissions. A symbolic link is followed, so the file it points to is
     * replaced.
     *
     * @throws IOException if the text cannot be written or moved; {@code output} is then as
     *     it was
     */
    static void write(Path output, String text) throws IOException {
        Path target = Files.exists(output) ? output.toRealPath() : output.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "."
                + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            copyPermissions(target, temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Returns the reason of a failed write without the path, which the message names. */
    static String reason(IOException error) {
        if (error instanceof FileSystemException fileError && fileError.getReason() != null) {
            return fileError.getReason();
        }
        return error.getMessage();
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.exists(from)
                && Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static InvalidNotebookException unusable(Path output, String problem) {
        return new InvalidNotebookException(output.toString(), "cannot write the notebook: "
                + problem);
    }
}
