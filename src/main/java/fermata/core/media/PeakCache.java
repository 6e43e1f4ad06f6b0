package fermata.core.media;

import fermata.core.error.BadInputException;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Peak summaries kept on disk, one file per media content hash, so a project that reopens draws
 * its waveforms at once. A damaged cache file is recomputed, never trusted; files are written to a
 * temp file and renamed, so a crash never leaves a half-written cache.
 */
public final class PeakCache {
    private final Path folder;

    /** @param folder the user-data peaks folder (created when first needed) */
    public PeakCache(Path folder) {
        this.folder = folder;
    }

    public Path fileFor(String sha256) {
        return folder.resolve(sha256 + ".peaks");
    }

    /** The cached summary of {@code media} (content hash {@code sha256}), computing and storing it if needed. */
    public PeakSummary get(Path media, String sha256, Progress progress)
            throws IOException, BadInputException, CancelledException {
        Path cached = fileFor(sha256);
        if (Files.isRegularFile(cached)) {
            try {
                return PeakSummary.read(cached);
            } catch (BadInputException damaged) {
                Files.deleteIfExists(cached);
            }
        }
        PeakSummary summary;
        try (AudioStream stream = AudioFiles.open(media)) {
            summary = PeakSummary.compute(stream, progress);
        }
        put(sha256, summary);
        return summary;
    }

    /** Stores a summary computed elsewhere (while the file's hash was still being computed, say). */
    public void put(String sha256, PeakSummary summary) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + sha256, ".tmp");
        try {
            Files.write(temp, summary.toBytes());
            Files.move(temp, fileFor(sha256), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
