package dev.headroom.cli;

import static dev.headroom.cli.MainScenario.SCENARIO;
import static dev.headroom.cli.MainScenario.execute;
import static dev.headroom.cli.MainScenario.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two commands given one --out folder: the second exits with code 2 and writes nothing. */
class FolderClaimTest {

    private static final String CLAIMED = "another headroom run or sweep is writing its"
            + " reports there; wait for it to end, or give --out another folder";

    @TempDir
    Path folder;

    @Test
    void run_folderClaimedInJvm_exitsTwo() throws Exception {
        Path out = Files.createDirectory(folder.resolve("out"));
        String file = scenario(folder, SCENARIO).toString();

        try (FolderClaim claim = FolderClaim.of(out)) {
            CliResult result = execute("run", file, "--days", "1", "--out", out.toString());

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
            assertEquals("headroom: --out " + out + ": " + CLAIMED, result.err().strip());
            assertFalse(Files.exists(out.resolve("report.md")));
        }
        assertEquals(Main.EXIT_OK,
                execute("run", file, "--days", "1", "--out", out.toString()).code());
    }

    @Test
    void sweep_folderClaimedInJvm_exitsTwo() throws Exception {
        Path out = Files.createDirectory(folder.resolve("out"));
        String file = scenario(folder, SCENARIO).toString();

        try (FolderClaim claim = FolderClaim.of(out)) {
            CliResult result = execute("sweep", file, "--seeds", "1", "--days", "1", "--out",
                    out.toString());

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
            assertTrue(result.err().contains(CLAIMED), result.err());
        }
    }

    @Test
    void run_folderClaimedByOtherProcess_exitsTwo() throws Exception {
        Path out = Files.createDirectory(folder.resolve("out"));
        String file = scenario(folder, SCENARIO).toString();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), out.resolve(FolderClaim.FILE_NAME).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", lines.readLine());

            CliResult result = execute("run", file, "--days", "1", "--out", out.toString());

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
            assertTrue(result.err().contains(CLAIMED), result.err());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(Main.EXIT_OK,
                execute("run", file, "--days", "1", "--out", out.toString()).code());
    }

    @Test
    void claim_sharedFolder_lockFileWritableByAll() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path out = Files.createDirectory(folder.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));

        try (FolderClaim claim = FolderClaim.of(out)) {
            Set<PosixFilePermission> modes =
                    Files.getPosixFilePermissions(out.resolve(FolderClaim.FILE_NAME));

            assertTrue(modes.contains(PosixFilePermission.GROUP_WRITE), modes.toString());
            assertTrue(modes.contains(PosixFilePermission.OTHERS_WRITE), modes.toString());
        }
    }

    @Test
    void claim_lockFileLinked_targetModesKept() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path out = Files.createDirectory(folder.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path target = Files.createFile(folder.resolve("private.txt"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(out.resolve(FolderClaim.FILE_NAME), target);

        try (FolderClaim claim = FolderClaim.of(out)) {
            assertEquals("rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        }
    }

    /** Locks the file named by its argument until its standard input ends. */
    public static final class Holder {

        private Holder() {
        }

        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock();
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // Wait for the test to close standard input.
                }
            }
        }
    }
}
