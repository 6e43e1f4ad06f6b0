package fermata.core.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that, whenever the process or the machine stops, the file holds either the
 * old content or the new one, never a mixture: write a temporary file in the same folder, force
 * it to disk, rename it over the target atomically, then force the folder entry.
 */
public final class AtomicFiles {
    /** Suffix of the copy of the previous version that {@link #write(Path, byte[], boolean)} keeps. */
    public static final String BACKUP_SUFFIX = ".bak";

    private AtomicFiles() {
    }

    /**
     * @param keepBackup keep the content being replaced as {@code <name>.bak} beside the target
     */
    public static void write(Path target, byte[] content, boolean keepBackup) throws IOException {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        String name = file.getFileName().toString();
        // Same folder, so the rename never crosses file systems; unique, so two saves cannot mix their bytes.
        Path temp = Files.createTempFile(folder, "." + name + ".", ".saving");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            copyPermissions(file, temp);
            if (keepBackup && Files.isRegularFile(file)) {
                keepBackup(file, folder.resolve(name + BACKUP_SUFFIX), temp);
            }
            moveAtomically(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncFolder(folder);
    }

    // The backup is made by a hard link (no copying) renamed over the old backup, so the backup too
    // is always one whole earlier version.
    private static void keepBackup(Path file, Path backup, Path temp) throws IOException {
        Path link = temp.resolveSibling(temp.getFileName() + BACKUP_SUFFIX);
        try {
            try {
                Files.createLink(link, file);
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                Files.copy(file, link, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(link, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            moveAtomically(link, backup);
        } finally {
            Files.deleteIfExists(link);
        }
    }

    // A temp file is created owner-only; a save must not silently change who may read the user's
    // file, so the new file gets the old one's permissions, or the usual rw-r--r-- for a new file.
    // The attribute view is asked of the file itself, not of its FileStore: finding the store reads
    // the mount table, which chroots and some containers do not have ("Mount point not found").
    private static void copyPermissions(Path file, Path temp) throws IOException {
        if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.isRegularFile(file)
                ? Files.getPosixFilePermissions(file)
                : PosixFilePermissions.fromString("rw-r--r--");
        try {
            Files.setPosixFilePermissions(temp, permissions);
        } catch (FileSystemException noPermissionsHere) {
            // File systems without owners (FAT, some network shares) refuse chmod; they have no
            // permissions to keep, so the save goes on.
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network and FAT file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the folder's entries to disk, so the rename itself survives a power cut. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself, so there
            // is nothing further to force there. The new content is already safely on disk.
        }
    }
}
