package fermata.core.library;

import java.nio.file.Path;

/** A file with an audio extension that cannot be read as audio (truncated, corrupt, or another kind of file). */
public final class UnreadableAudioException extends Exception {
    private final Path file;

    public UnreadableAudioException(Path file, String problem) {
        super(problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
