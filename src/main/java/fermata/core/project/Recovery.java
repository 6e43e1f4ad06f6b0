package fermata.core.project;

import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The recovery folder: autosaved copies of projects with unsaved changes, named
 * {@code <name>-<hash>.fermata} where the hash is of the project file's absolute path (so two
 * "song.fermata" in different folders do not collide). Beside each copy, {@code <copy>.origin}
 * holds the project file's path, because a copy's media paths are relative to the project's
 * folder, not to the recovery folder.
 */
public final class Recovery {
    static final String ORIGIN_SUFFIX = ".origin";

    private final Path folder;
    private final MediaHashCache hashes;

    public Recovery(Path folder, MediaHashCache hashes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.hashes = hashes;
    }

    public static Recovery in(UserData userData) {
        return new Recovery(userData.recovery(), MediaHashCache.shared());
    }

    public Path folder() {
        return folder;
    }

    /** Where the recovery copy of a saved project goes. */
    public Path fileFor(Path projectFile) {
        Path absolute = projectFile.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        if (name.endsWith(ProjectFiles.EXTENSION)) {
            name = name.substring(0, name.length() - ProjectFiles.EXTENSION.length());
        }
        return folder.resolve(safeName(name) + "-" + shortHash(absolute.toString()) + ProjectFiles.EXTENSION);
    }

    /** Where the recovery copy of a project that was never saved goes; {@code session} tells apart two open at once. */
    public Path fileForUntitled(String projectName, String session) {
        String name = projectName == null || projectName.isBlank() ? "untitled" : projectName;
        return folder.resolve(safeName(name) + "-" + shortHash("untitled:" + session) + ProjectFiles.EXTENSION);
    }

    /**
     * Writes a recovery copy atomically.
     *
     * @param projectFile the project's file, or null when it was never saved
     */
    public void write(Project project, Path projectFile, Path recoveryFile) throws IOException {
        Files.createDirectories(folder);
        UnaryOperator<String> mediaPath = UnaryOperator.identity();
        if (projectFile != null) {
            Path origin = projectFile.toAbsolutePath().normalize();
            AtomicFiles.write(originOf(recoveryFile), origin.toString().getBytes(StandardCharsets.UTF_8), false);
            mediaPath = path -> MediaPaths.relativize(origin.getParent(), path);
        }
        AtomicFiles.write(recoveryFile, ProjectFiles.encode(project, mediaPath), false);
    }

    /** Recovery copies newer than their project file (or whose project was never saved or is gone), newest first. */
    public List<RecoveryFile> list() throws IOException {
        List<RecoveryFile> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, "*" + ProjectFiles.EXTENSION)) {
            for (Path copy : copies) {
                RecoveryFile entry = describe(copy);
                if (entry != null && isNewerThanProject(entry)) {
                    found.add(entry);
                }
            }
        }
        found.sort(Comparator.comparing(RecoveryFile::savedAt).reversed());
        return found;
    }

    /**
     * The recovered project, as if opened from its project file: {@link LoadedProject#file()} is the
     * project file (the recovery copy itself for a project never saved), and media is checked there.
     */
    public LoadedProject load(RecoveryFile recovery) throws BadInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(recovery.file());
        } catch (IOException e) {
            throw new BadInputException(recovery.file(), null, "cannot read the recovery copy: " + e.getMessage(),
                    "Check that it exists and that you may read it", e);
        }
        Project project = ProjectFiles.parse(bytes, recovery.file());
        Path asFile = recovery.projectFile().orElse(recovery.file());
        return new LoadedProject(project, asFile, MediaCheck.check(project, asFile.toAbsolutePath().getParent(), hashes));
    }

    /** Deletes a recovery copy: the user chose not to recover it, or recovered and saved it. */
    public void discard(RecoveryFile recovery) throws IOException {
        discard(recovery.file());
    }

    /** Deletes the recovery copy of a project file, if any: call after a clean save. */
    public void discardFor(Path projectFile) throws IOException {
        discard(fileFor(projectFile));
    }

    void discard(Path recoveryFile) throws IOException {
        Files.deleteIfExists(recoveryFile);
        Files.deleteIfExists(originOf(recoveryFile));
    }

    private RecoveryFile describe(Path copy) throws IOException {
        FileTime savedAt;
        try {
            savedAt = Files.getLastModifiedTime(copy);
        } catch (NoSuchFileException discardedMeanwhile) {
            return null;
        }
        Path origin = originOf(copy);
        Optional<Path> projectFile = Optional.empty();
        if (Files.isRegularFile(origin)) {
            try {
                projectFile = Optional.of(Path.of(Files.readString(origin, StandardCharsets.UTF_8)));
            } catch (InvalidPathException | MalformedInputException unusable) {
                // A damaged origin note leaves the copy recoverable as a project never saved.
                projectFile = Optional.empty();
            }
        }
        return new RecoveryFile(copy, projectFile, savedAt.toInstant());
    }

    private static boolean isNewerThanProject(RecoveryFile entry) throws IOException {
        if (entry.projectFile().isEmpty() || !Files.isRegularFile(entry.projectFile().get())) {
            return true;
        }
        return Files.getLastModifiedTime(entry.projectFile().get()).toInstant().isBefore(entry.savedAt());
    }

    private static Path originOf(Path recoveryFile) {
        return recoveryFile.resolveSibling(recoveryFile.getFileName() + ORIGIN_SUFFIX);
    }

    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        return safe.length() > 40 ? safe.substring(0, 40) : safe.isEmpty() ? "project" : safe;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
