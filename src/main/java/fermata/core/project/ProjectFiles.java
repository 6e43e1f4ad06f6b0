package fermata.core.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code *.fermata} project files: UTF-8 JSON, {@code "formatVersion"} first,
 * media by path relative to the project file plus SHA-256 (docs/decisions/0030-project-file-format.md).
 */
public final class ProjectFiles {
    /** The format version this build writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 2;
    public static final String EXTENSION = ".fermata";
    /** Larger files are refused before reading: ten million notes take about 300 MB. */
    public static final long MAX_FILE_BYTES = 512L << 20;

    private static final String DAMAGED_REMEDY = "The file is damaged or was edited by hand: open its backup "
            + "(the same name with " + AtomicFiles.BACKUP_SUFFIX + ") or a recovery copy, or correct the value";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(64)
                    .maxStringLength(1 << 20)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProjectFiles() {
    }

    /** Reads a project and checks its media against the process-wide {@link MediaHashCache}. */
    public static LoadedProject read(Path file) throws BadInputException {
        return read(file, MediaHashCache.shared());
    }

    public static LoadedProject read(Path file, MediaHashCache hashes) throws BadInputException {
        Path absolute = file.toAbsolutePath().normalize();
        Project project = parse(readBytes(absolute), absolute);
        return new LoadedProject(project, absolute, MediaCheck.check(project, absolute.getParent(), hashes));
    }

    /**
     * Saves atomically: whatever happens, the file holds the old or the new project, never a part;
     * the version replaced is kept as {@code <file>.bak}. Absolute media paths are stored relative
     * to the file's folder where possible; relative ones are stored as they are.
     */
    public static void write(Project project, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        AtomicFiles.write(absolute, encode(project, path -> MediaPaths.relativize(folder, path)), true);
    }

    /** "Save as": like {@link #write} but first re-bases relative media paths from the project's current file. */
    public static void saveAs(Project project, Path currentFile, Path newFile) throws IOException {
        write(withAbsoluteMedia(project, currentFile), newFile);
    }

    /** The project with every media path made absolute against the folder of {@code projectFile}. */
    public static Project withAbsoluteMedia(Project project, Path projectFile) {
        Path folder = projectFile.toAbsolutePath().normalize().getParent();
        return project.withMedia(project.media().stream()
                .map(m -> m.withPath(MediaPaths.absolute(folder, m.path())))
                .toList());
    }

    /** The file's text for a project, media paths exactly as the model holds them. */
    public static String toJson(Project project) {
        return new String(encode(project, UnaryOperator.identity()), StandardCharsets.UTF_8);
    }

    /** A project from a file's text; media is not checked. */
    public static Project fromJson(String json) throws BadInputException {
        return parse(json.getBytes(StandardCharsets.UTF_8), null);
    }

    static byte[] encode(Project project, UnaryOperator<String> mediaPath) {
        return ProjectJsonWriter.write(project, mediaPath);
    }

    /** Bytes of a project file to a project, any supported format version; {@code file} only names it in messages. */
    static Project parse(byte[] bytes, Path file) throws BadInputException {
        return parse(bytes, file, ProjectMigrations.standard());
    }

    static Project parse(byte[] bytes, Path file, ProjectMigrations migrations) throws BadInputException {
        String text = decodeUtf8(bytes, file);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, position(e.getLocation()), "not valid JSON: " + firstLine(e.getOriginalMessage()),
                    DAMAGED_REMEDY, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new BadInputException(file, "the top level", "not a Fermata project: expected a JSON object",
                    "Open a file saved by Fermata (" + EXTENSION + ")");
        }
        JsonCursor root = JsonCursor.root(tree);
        if (!tree.has("formatVersion")) {
            throw new BadInputException(file, "the top level", "not a Fermata project: it has no \"formatVersion\"",
                    "Open a file saved by Fermata (" + EXTENSION + ")");
        }
        try {
            int version = root.field("formatVersion").intValue();
            if (version > migrations.currentVersion()) {
                throw new BadInputException(file, "formatVersion", "made by a newer Fermata: format version " + version
                        + ", and this Fermata reads up to version " + migrations.currentVersion(),
                        "Update Fermata to open it");
            }
            if (version < 1) {
                throw new BadInputException(file, "formatVersion", "unknown format version " + version,
                        "Open a file saved by Fermata (" + EXTENSION + ")");
            }
            ObjectNode current = migrations.migrate((ObjectNode) tree, version);
            return ProjectJsonReader.read(JsonCursor.root(current));
        } catch (FormatProblem p) {
            throw new BadInputException(file, p.path(), p.problem(), DAMAGED_REMEDY);
        }
    }

    private static byte[] readBytes(Path file) throws BadInputException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(file, null, "the file is " + (size >> 20) + " MB, more than the "
                        + (MAX_FILE_BYTES >> 20) + " MB a project file can be", "Check that this is a Fermata project");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "no such file", "Check the path", e);
        } catch (IOException e) {
            throw new BadInputException(file, null, "cannot read the file: " + e.getMessage(),
                    "Check that it exists and that you may read it", e);
        }
    }

    // Decoded strictly here rather than by Jackson, which would also accept UTF-16 and UTF-32.
    private static String decodeUtf8(byte[] bytes, Path file) throws BadInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new BadInputException(file, "byte " + in.position(), "not valid UTF-8 text",
                    "The file is damaged or is not a Fermata project");
        }
        decoder.flush(out);
        out.flip();
        int start = out.length() > 0 && out.charAt(0) == '\uFEFF' ? 1 : 0;
        return out.subSequence(start, out.length()).toString();
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
