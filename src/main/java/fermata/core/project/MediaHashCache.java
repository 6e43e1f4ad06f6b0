package fermata.core.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SHA-256 digests of media files, remembered by path, size and modification time, so opening a
 * project re-hashes only files that changed since they were last hashed in this process.
 */
public final class MediaHashCache {
    private static final MediaHashCache SHARED = new MediaHashCache();
    private static final int BUFFER_BYTES = 1 << 16;

    private record Stamp(long size, FileTime modified) {
    }

    private record Entry(Stamp stamp, String sha256) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong filesHashed = new AtomicLong();

    /** The cache that {@link ProjectFiles#read(Path)} uses. */
    public static MediaHashCache shared() {
        return SHARED;
    }

    /** Lower-case hex SHA-256 of the file's bytes. */
    public String sha256(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
        Stamp stamp = new Stamp(attributes.size(), attributes.lastModifiedTime());
        Entry known = entries.get(key);
        if (known != null && known.stamp().equals(stamp)) {
            return known.sha256();
        }
        String digest = digest(key);
        entries.put(key, new Entry(stamp, digest));
        filesHashed.incrementAndGet();
        return digest;
    }

    /** How many files were actually read and hashed rather than answered from the cache. */
    public long filesHashed() {
        return filesHashed.get();
    }

    /** SHA-256 of a file, streamed, uncached. */
    public static String digest(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
