package fermata.core.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The studio's own preferences, kept in {@code settings/studio.json} under the user-data folder:
 * theme, recently opened files, the SoundFont and the audio buffer. Unknown keys are ignored and
 * missing ones take their defaults, so older and newer versions of Fermata share the file; a file
 * that cannot be parsed gives the defaults (preferences are not worth refusing to start over).
 *
 * @param darkTheme the dark theme (default) or the light one
 * @param recentFiles most recent first, at most {@link #MAX_RECENT}
 * @param soundFont the user's SoundFont, or empty for the system's or the built-in bank
 * @param bufferFrames the real-time output block in frames
 * @param firstStart true until the studio has started once (it then opens the demo project)
 */
public record StudioSettings(boolean darkTheme, List<Path> recentFiles, Optional<Path> soundFont, int bufferFrames,
                             boolean firstStart) {
    public static final int MAX_RECENT = 10;
    public static final int DEFAULT_BUFFER_FRAMES = 512;
    public static final StudioSettings DEFAULTS = new StudioSettings(true, List.of(), Optional.empty(),
            DEFAULT_BUFFER_FRAMES, true);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "studio.json";

    public StudioSettings {
        recentFiles = List.copyOf(recentFiles);
        if (bufferFrames < 32 || bufferFrames > 8192) {
            throw new IllegalArgumentException("buffer must be 32..8192 frames, was " + bufferFrames);
        }
    }

    /** With {@code file} first in the recent list (moved there if already listed). */
    public StudioSettings withRecent(Path file) {
        Set<Path> ordered = new LinkedHashSet<>();
        ordered.add(file.toAbsolutePath().normalize());
        ordered.addAll(recentFiles);
        List<Path> list = new ArrayList<>(ordered);
        return new StudioSettings(darkTheme, list.subList(0, Math.min(MAX_RECENT, list.size())), soundFont,
                bufferFrames, firstStart);
    }

    /** The recent files that still exist, for the menu. */
    public List<Path> existingRecentFiles() {
        return recentFiles.stream().filter(Files::isRegularFile).toList();
    }

    public StudioSettings withDarkTheme(boolean dark) {
        return new StudioSettings(dark, recentFiles, soundFont, bufferFrames, firstStart);
    }

    public StudioSettings withSoundFont(Optional<Path> sf2) {
        return new StudioSettings(darkTheme, recentFiles, sf2, bufferFrames, firstStart);
    }

    public StudioSettings withBufferFrames(int frames) {
        return new StudioSettings(darkTheme, recentFiles, soundFont, frames, firstStart);
    }

    public StudioSettings started() {
        return new StudioSettings(darkTheme, recentFiles, soundFont, bufferFrames, false);
    }

    /** Reads the settings of {@code userData}; defaults when there are none or they cannot be read. */
    public static StudioSettings load(UserData userData) {
        Path file = userData.settings().resolve(FILE);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return DEFAULTS;
        } catch (IOException | RuntimeException e) {
            return DEFAULTS.started();
        }
    }

    static StudioSettings parse(String text) throws JsonProcessingException {
        JsonNode root = JSON.readTree(text);
        List<Path> recent = new ArrayList<>();
        for (JsonNode n : root.path("recentFiles")) {
            if (n.isTextual()) {
                recent.add(Path.of(n.asText()));
            }
        }
        String sf2 = root.path("soundFont").asText("");
        int buffer = root.path("bufferFrames").asInt(DEFAULT_BUFFER_FRAMES);
        if (buffer < 32 || buffer > 8192) {
            buffer = DEFAULT_BUFFER_FRAMES;
        }
        return new StudioSettings(root.path("darkTheme").asBoolean(true),
                recent.subList(0, Math.min(MAX_RECENT, recent.size())),
                sf2.isBlank() ? Optional.empty() : Optional.of(Path.of(sf2)), buffer, false);
    }

    /** Writes the settings atomically (the previous file stays intact if writing fails). */
    public void save(UserData userData) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("darkTheme", darkTheme);
        ArrayNode recent = root.putArray("recentFiles");
        recentFiles.forEach(p -> recent.add(p.toString()));
        root.put("soundFont", soundFont.map(Path::toString).orElse(""));
        root.put("bufferFrames", bufferFrames);
        Path dir = userData.settings();
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), false);
    }
}
