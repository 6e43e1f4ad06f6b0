package fermata.core.engine;

import fermata.core.error.BadInputException;
import fermata.core.model.MediaRef;

import java.io.IOException;

/**
 * Resolves the media an audio clip plays to samples. The media package implements it (decode,
 * cache, relink by hash); the engine only reads. Called off the audio thread, while a render
 * graph is built.
 */
@FunctionalInterface
public interface ClipSourceProvider {
    /** For projects without audio clips, and until the media package is wired in. */
    ClipSourceProvider NONE = media -> {
        throw new BadInputException(null, "media " + media.id(),
                "cannot play audio file " + media.path() + ": no media decoder is wired into the engine",
                "render MIDI-only projects, or use a build with the media package");
    };

    ClipSource open(MediaRef media) throws IOException, BadInputException;
}
