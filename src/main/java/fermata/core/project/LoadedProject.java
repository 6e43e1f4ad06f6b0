package fermata.core.project;

import fermata.core.model.MediaRef;
import fermata.core.model.Project;

import java.nio.file.Path;
import java.util.List;

/**
 * A project as read from disk: the model, the file it belongs to (media paths are relative to its
 * folder) and the media that could not be found or has changed.
 */
public record LoadedProject(Project project, Path file, List<MissingMedia> problems) {
    public LoadedProject {
        file = file.toAbsolutePath().normalize();
        problems = List.copyOf(problems);
    }

    /** True when every media file is present and unchanged. */
    public boolean mediaComplete() {
        return problems.isEmpty();
    }

    /** The file a media reference points to. */
    public Path mediaFile(MediaRef media) {
        return MediaPaths.resolve(file.getParent(), media.path());
    }

    /**
     * The file a media reference of a project saved as {@code projectFile} points to; for a
     * project never saved ({@code projectFile} null) media paths are absolute.
     */
    public static Path mediaFile(Path projectFile, MediaRef media) {
        if (projectFile == null) {
            return Path.of(media.path()).toAbsolutePath().normalize();
        }
        return MediaPaths.resolve(projectFile.toAbsolutePath().normalize().getParent(), media.path());
    }
}
