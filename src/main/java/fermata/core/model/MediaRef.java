package fermata.core.model;

/**
 * An audio file the project uses, referenced by a path relative to the project file (absolute
 * when on another drive) plus the SHA-256 of its content, so a moved file can be found again and
 * a changed file is noticed.
 *
 * @param id identity within the project, used by clips
 * @param path relative (with '/' separators) or absolute path
 * @param sha256 lower-case hex digest of the file's bytes
 * @param frames length in sample frames at {@code sampleRate}
 */
public record MediaRef(String id, String path, String sha256, long frames, int sampleRate, int channels) {
    public MediaRef {
        Check.nonBlank("media id", id);
        Check.nonBlank("media path", path);
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("media sha256 must be 64 lower-case hex digits, was " + sha256);
        }
        if (frames < 0) {
            throw new IllegalArgumentException("media frames must be >= 0, was " + frames);
        }
        Check.range("media sample rate", sampleRate, 1, 1_536_000);
        Check.range("media channels", channels, 1, 64);
    }

    public MediaRef withPath(String newPath) {
        return new MediaRef(id, newPath, sha256, frames, sampleRate, channels);
    }

    public double durationSeconds() {
        return (double) frames / sampleRate;
    }
}
