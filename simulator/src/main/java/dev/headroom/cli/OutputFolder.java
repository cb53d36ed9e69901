package dev.headroom.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The folder that {@code --out} names, checked and created before a run starts so that a bad
 * path fails at once instead of after the simulation.
 */
final class OutputFolder {

    /** The option that names the folder, quoted in every message. */
    static final String OPTION = "--out";

    private OutputFolder() {
    }

    /**
     * Creates the folder and its parents when missing and checks that files can be written in it.
     *
     * @throws BadInputException if the path is empty, is a file or a link to nothing, lies under
     *     a file, or cannot be created or written
     */
    static Path prepare(Path folder) {
        if (folder.toString().isEmpty()) {
            throw new BadInputException(OPTION + " is empty; give " + OPTION + " a folder for"
                    + " the report files, such as reports");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw notUsable(folder, "is a file, not a folder");
        }
        if (Files.isSymbolicLink(folder) && !Files.exists(folder)) {
            throw notUsable(folder, "is a symbolic link to " + linkTarget(folder)
                    + ", which does not exist");
        }
        Path fileAncestor = fileAncestor(folder);
        if (fileAncestor != null) {
            throw notUsable(folder, "lies under " + fileAncestor + ", which is a file");
        }
        try {
            createEachFolder(folder);
        } catch (IOException e) {
            throw notUsable(folder, "cannot be created (" + reason(e) + ")");
        }
        if (!Files.isWritable(folder)) {
            throw notUsable(folder, "is not writable");
        }
        return folder;
    }

    /**
     * Rejects a folder where writing a report file would replace a file that the run reads,
     * such as a scenario file named {@code report.md} in that folder.
     *
     * @param fileNames the names of the report files
     * @param inputs the files the run reads, each mapped to its description
     * @throws BadInputException naming the report file and the input it would replace
     */
    static void checkInputs(Path folder, List<String> fileNames, Map<Path, String> inputs) {
        for (String name : fileNames) {
            Path target = folder.resolve(name);
            for (Map.Entry<Path, String> input : inputs.entrySet()) {
                if (sameFile(target, input.getKey())) {
                    throw new BadInputException(OPTION + " " + folder + ": writing " + name
                            + " would replace " + input.getValue() + " " + input.getKey()
                            + "; give " + OPTION + " another folder, or rename that file");
                }
            }
        }
    }

    private static boolean sameFile(Path target, Path input) {
        try {
            return Files.exists(target) && Files.exists(input)
                    && Files.isSameFile(target, input);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Wraps a failure to write into the folder as bad input that names the option, and the file
     * when the exception gives it.
     */
    static BadInputException writeFailed(Path folder, IOException cause) {
        String file = cause instanceof FileSystemException fileSystemError
                && fileSystemError.getFile() != null
                ? fileSystemError.getFile() : "the report files";
        return new BadInputException(OPTION + " " + folder + ": cannot write " + file + " ("
                + reason(cause) + "); give " + OPTION + " a writable folder", cause);
    }

    /**
     * Creates each missing folder of the path in turn, as {@code mkdir -p} does. For
     * {@code missing/../out}, {@link Files#createDirectories} creates {@code out} but not
     * {@code missing}, and the system then cannot resolve the path to write the reports.
     */
    private static void createEachFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        Path prefix = absolute.getRoot();
        for (Path name : absolute) {
            prefix = prefix.resolve(name);
            if (Files.isDirectory(prefix)) {
                continue;
            }
            try {
                Files.createDirectory(prefix);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(prefix)) {
                    throw e;
                }
            }
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a path that cannot be read (" + reason(e) + ")";
        }
    }

    private static Path fileAncestor(Path folder) {
        for (Path parent = folder.toAbsolutePath().getParent(); parent != null;
                parent = parent.getParent()) {
            if (Files.exists(parent)) {
                return Files.isDirectory(parent) ? null : parent;
            }
        }
        return null;
    }

    private static BadInputException notUsable(Path folder, String problem) {
        return new BadInputException(OPTION + " " + folder + " " + problem
                + "; give " + OPTION + " a new or existing writable folder");
    }

    /** Returns why a file operation failed, in words, without the exception's class name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException inTheWay && inTheWay.getFile() != null) {
            return inTheWay.getFile() + (Files.isSymbolicLink(Path.of(inTheWay.getFile()))
                    ? " is a broken symbolic link" : " exists and is not a folder");
        }
        if (e instanceof FileSystemException fileSystemError
                && fileSystemError.getReason() != null) {
            return fileSystemError.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
