package fermata.core.project;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Media paths as the file stores them: relative to the project file's folder with '/' between
 * names, so a project folder can be moved or copied to another machine as a whole; absolute only
 * when no relative path exists (another drive).
 */
final class MediaPaths {
    private MediaPaths() {
    }

    /** The stored form of {@code path} for a project file in {@code projectFolder}. */
    static String relativize(Path projectFolder, String path) {
        Path media;
        try {
            media = Path.of(path);
        } catch (InvalidPathException e) {
            return path;
        }
        if (!media.isAbsolute()) {
            return path;
        }
        try {
            return portable(projectFolder.toAbsolutePath().normalize().relativize(media.normalize()));
        } catch (IllegalArgumentException otherRoot) {
            return portable(media.normalize());
        }
    }

    /** The file a stored path names, for a project file in {@code projectFolder}. */
    static Path resolve(Path projectFolder, String path) throws InvalidPathException {
        Path media = Path.of(path);
        return media.isAbsolute() ? media.normalize() : projectFolder.toAbsolutePath().resolve(media).normalize();
    }

    /** The stored path of {@code path} made absolute against {@code projectFolder}. */
    static String absolute(Path projectFolder, String path) {
        try {
            return resolve(projectFolder, path).toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }

    private static String portable(Path path) {
        String separator = path.getFileSystem().getSeparator();
        return separator.equals("/") ? path.toString() : path.toString().replace(separator, "/");
    }
}
