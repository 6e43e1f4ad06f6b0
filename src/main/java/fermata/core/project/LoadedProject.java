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
}
