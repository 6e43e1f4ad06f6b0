package fermata.core.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A media file a project needs that is not as it was when it was added. The project still opens;
 * the clips that use it play silence until the file is found ({@link MediaLocator}).
 *
 * @param mediaId the media's id in the project
 * @param storedPath the path the project file stores, relative to the project folder or absolute
 * @param expectedFile where that path points; null when the stored path is not a valid path here
 * @param status what is wrong
 * @param clips the clips that use it, as "clip c1 on track \"Drums\""
 * @param message one sentence for the user: which media, which clips, where it was expected, what to do
 */
public record MissingMedia(String mediaId, String storedPath, Path expectedFile, Status status, List<String> clips,
                           String message) {
    public enum Status {
        /** No file at the expected path. */
        MISSING,
        /** A file is there but its content hash differs: replaced or edited since it was added. */
        CHANGED,
        /** A file is there but cannot be read. */
        UNREADABLE,
        /** Clips name a media id that the project does not list. */
        NOT_LISTED
    }

    public MissingMedia {
        clips = List.copyOf(clips);
    }
}
