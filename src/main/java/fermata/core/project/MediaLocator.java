package fermata.core.project;

import fermata.core.model.MediaRef;
import fermata.core.model.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds moved or renamed media by content: hashes the files of a folder the user points to (and
 * of the project's own folder) and repoints each missing or changed media reference to the file
 * whose SHA-256 matches. The search is bounded in depth and in number of files, so pointing at a
 * home folder cannot run for hours; files named like the lost ones are tried first.
 */
public final class MediaLocator {
    public static final int DEFAULT_MAX_DEPTH = 8;
    public static final int DEFAULT_MAX_FILES = 20_000;

    private final MediaHashCache hashes;
    private final int maxDepth;
    private final int maxFiles;

    public MediaLocator(MediaHashCache hashes, int maxDepth, int maxFiles) {
        this.hashes = hashes;
        this.maxDepth = maxDepth;
        this.maxFiles = maxFiles;
    }

    public MediaLocator() {
        this(MediaHashCache.shared(), DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILES);
    }

    /**
     * The project with every media reference that could be found pointing at its new place, and
     * the problems that remain.
     *
     * @param searchFolder where the user says the media might be; the project's folder is searched too
     */
    public LoadedProject locate(LoadedProject loaded, Path searchFolder) throws IOException {
        Map<String, MediaRef> lost = new HashMap<>();
        for (MissingMedia problem : loaded.problems()) {
            loaded.project().mediaById(problem.mediaId()).ifPresent(m -> lost.put(m.sha256(), m));
        }
        if (lost.isEmpty()) {
            return loaded;
        }
        Path projectFolder = loaded.file().getParent();
        Set<String> wantedNames = new HashSet<>();
        for (MediaRef m : lost.values()) {
            wantedNames.add(fileName(m.path()));
        }
        Map<String, Path> found = new HashMap<>();
        for (Path file : candidates(List.of(searchFolder, projectFolder), wantedNames)) {
            String sha;
            try {
                sha = hashes.sha256(file);
            } catch (IOException unreadable) {
                continue;
            }
            if (lost.containsKey(sha) && !found.containsKey(sha)) {
                found.put(sha, file);
                if (found.size() == lost.size()) {
                    break;
                }
            }
        }
        List<MediaRef> media = new ArrayList<>();
        for (MediaRef m : loaded.project().media()) {
            Path file = lost.containsKey(m.sha256()) ? found.get(m.sha256()) : null;
            media.add(file == null ? m : m.withPath(MediaPaths.relativize(projectFolder, file.toAbsolutePath().toString())));
        }
        Project updated = loaded.project().withMedia(media);
        return new LoadedProject(updated, loaded.file(), MediaCheck.check(updated, projectFolder, hashes));
    }

    private List<Path> candidates(List<Path> folders, Set<String> wantedNames) throws IOException {
        Set<Path> seen = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder, maxDepth)) {
                walk.filter(Files::isRegularFile)
                        .map(p -> p.toAbsolutePath().normalize())
                        .filter(seen::add)
                        .limit(maxFiles - files.size())
                        .forEach(files::add);
            } catch (UncheckedIOException e) {
                // A folder that cannot be listed (permissions) ends its walk; what was found is still searched.
                continue;
            }
            if (files.size() >= maxFiles) {
                break;
            }
        }
        files.sort(Comparator.comparing((Path p) -> !wantedNames.contains(p.getFileName().toString())));
        return files;
    }

    private static String fileName(String storedPath) {
        int slash = Math.max(storedPath.lastIndexOf('/'), storedPath.lastIndexOf('\\'));
        return storedPath.substring(slash + 1);
    }
}
