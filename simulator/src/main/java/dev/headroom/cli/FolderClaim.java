package dev.headroom.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive claim on an output folder for one run or sweep, so that two commands given the
 * same {@code --out} do not leave a mix of their report files. The claim is an operating-system
 * lock on the file {@value #FILE_NAME} in the folder, which the system releases when the JVM
 * ends, and so outlives no command, even one stopped with Ctrl-C.
 */
final class FolderClaim implements AutoCloseable {

    /** The file locked in the output folder. It stays there, empty, after the command. */
    static final String FILE_NAME = ".headroom.lock";

    private static final Logger LOG = LoggerFactory.getLogger(FolderClaim.class);

    /**
     * The lock files claimed in this JVM. A second channel is never opened on one of them,
     * because on some systems closing any channel to a file releases every lock the JVM holds
     * on it (see {@link FileLock}).
     */
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    /** The locked file's channel, or null when the folder is used unclaimed. */
    private final FileChannel channel;
    private final Path file;

    private FolderClaim(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    /**
     * Claims {@code folder}, which must exist. Where the file system cannot lock, the folder is
     * used unclaimed, with a warning.
     *
     * @throws BadInputException if another command has claimed the folder
     */
    static FolderClaim of(Path folder) {
        Path file = realPath(folder).resolve(FILE_NAME);
        if (!CLAIMED.add(file)) {
            throw claimedElsewhere(folder);
        }
        FolderClaim claim = null;
        try {
            claim = lock(folder, file);
            return claim;
        } finally {
            if (claim == null) {
                CLAIMED.remove(file);
            }
        }
    }

    private static FolderClaim lock(Path folder, Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            LOG.warn("Cannot open {} to claim the output folder, so it is used unclaimed: {}",
                    file, OutputFolder.reason(e));
            return new FolderClaim(null, file);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        } catch (IOException e) {
            LOG.warn("Cannot lock {}, so the output folder is used unclaimed: {}", file,
                    OutputFolder.reason(e));
            closeChannel(channel, file);
            return new FolderClaim(null, file);
        }
        if (lock == null) {
            closeChannel(channel, file);
            throw claimedElsewhere(folder);
        }
        shareWrite(folder, file);
        return new FolderClaim(channel, file);
    }

    /**
     * Gives the lock file the group and others write permissions of the folder. Without them, a
     * user who may write reports into a shared folder could not open the file that another user
     * created, and would write into the folder unclaimed. A lock file that is a symbolic link
     * keeps its target's permissions, so that a link placed in a shared folder cannot make
     * another file writable.
     */
    private static void shareWrite(Path folder, Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file,
                PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> folderModes = Files.getPosixFilePermissions(folder);
            PosixFileAttributes attributes = view.readAttributes();
            if (!attributes.isRegularFile()) {
                return;
            }
            Set<PosixFilePermission> fileModes = EnumSet.noneOf(PosixFilePermission.class);
            fileModes.addAll(attributes.permissions());
            boolean changed = false;
            for (PosixFilePermission write : List.of(PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_WRITE)) {
                if (folderModes.contains(write)) {
                    changed |= fileModes.add(write);
                }
            }
            if (changed) {
                view.setPermissions(fileModes);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot give {} the write permissions of its folder: {}", file,
                    e.getMessage());
        }
    }

    /** Returns the folder's real path, so that links to one folder give one lock file. */
    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private static BadInputException claimedElsewhere(Path folder) {
        return new BadInputException(OutputFolder.OPTION + " " + folder + ": another headroom run"
                + " or sweep is writing its reports there; wait for it to end, or give "
                + OutputFolder.OPTION + " another folder");
    }

    /** Releases the claim. Closing the channel releases its lock. */
    @Override
    public void close() {
        if (channel != null) {
            closeChannel(channel, file);
        }
        CLAIMED.remove(file);
    }

    private static void closeChannel(FileChannel channel, Path file) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the claim file {} failed: {}", file, OutputFolder.reason(e));
        }
    }
}
