package fermata.core.project;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * An autosaved copy of a project with changes that were never saved.
 *
 * @param file the copy, in the recovery folder
 * @param projectFile the project file it is a newer state of; empty for a project never saved
 * @param savedAt when the copy was written
 */
public record RecoveryFile(Path file, Optional<Path> projectFile, Instant savedAt) {
}
