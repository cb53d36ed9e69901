package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path folder;

    @Test
    void prepare_dotDotAfterMissingFolder_createsBoth() {
        Path out = folder.resolve("missing").resolve("..").resolve("out");

        assertEquals(out, OutputFolder.prepare(out));

        assertTrue(Files.isDirectory(folder.resolve("missing")), "missing was not created");
        assertTrue(Files.isDirectory(folder.resolve("out")), "out was not created");
    }

    @Test
    void prepare_dotDotAfterFile_namesFile() throws Exception {
        Path file = Files.writeString(folder.resolve("file"), "");
        Path out = file.resolve("..").resolve("out");

        BadInputException error = assertThrows(BadInputException.class,
                () -> OutputFolder.prepare(out));

        assertTrue(error.getMessage().contains("lies under " + file + ", which is a file"),
                error.getMessage());
    }

    @Test
    void prepare_danglingLink_namesMissingTarget() throws Exception {
        Path target = folder.resolve("gone");
        Path link = Files.createSymbolicLink(folder.resolve("reports"), target);

        BadInputException error = assertThrows(BadInputException.class,
                () -> OutputFolder.prepare(link));

        assertTrue(error.getMessage().contains("is a symbolic link to " + target
                + ", which does not exist"), error.getMessage());
    }
}
