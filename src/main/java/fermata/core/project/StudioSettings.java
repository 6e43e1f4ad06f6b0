package fermata.core.project;

import fermata.core.engine.SynthEngine;
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
 * The studio's preferences, kept in {@code settings/studio.json} under the user-data folder with a
 * {@code settingsVersion}. Unknown keys are ignored and missing or out-of-range ones take their
 * defaults, so older and newer versions of Fermata share the file; a file that cannot be parsed
 * gives the defaults (preferences are not worth refusing to start over).
 *
 * @param darkTheme the dark theme (default) or the light one
 * @param recentFiles most recent first, at most {@link #MAX_RECENT}
 * @param soundFont the user's SoundFont, or empty for the system's or the built-in bank
 * @param synth which synthesizer plays MIDI tracks: Fermata's own (default) or the JDK's Gervill
 * @param sampleRate the engine's rate for playback
 * @param bufferFrames the real-time output block in frames
 * @param autosaveSeconds how often unsaved changes are copied for crash recovery
 * @param preferCuda run the AI models on a CUDA GPU when the build and machine have one
 * @param audioDevice the output device's name, or empty for the system default
 * @param libraryFolders folders the music library scans
 * @param firstStart true until the studio has started once (it then welcomes and opens the demo)
 */
public record StudioSettings(boolean darkTheme, List<Path> recentFiles, Optional<Path> soundFont, SynthEngine synth, int sampleRate,
                             int bufferFrames, int autosaveSeconds, boolean preferCuda, Optional<String> audioDevice,
                             List<Path> libraryFolders, boolean firstStart) {
    /** Bumped when a key changes meaning; {@link #parse} reads every earlier version. */
    public static final int VERSION = 1;
    public static final int MAX_RECENT = 10;
    public static final int DEFAULT_BUFFER_FRAMES = 512;
    public static final List<Integer> SAMPLE_RATES = List.of(44_100, 48_000, 96_000);
    public static final List<Integer> BUFFER_SIZES = List.of(64, 128, 256, 512, 1024, 2048, 4096);
    public static final StudioSettings DEFAULTS = new StudioSettings(true, List.of(), Optional.empty(), SynthEngine.FERMATA, 48_000,
            DEFAULT_BUFFER_FRAMES, 60, false, Optional.empty(), List.of(), true);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "studio.json";

    public StudioSettings {
        recentFiles = List.copyOf(recentFiles);
        libraryFolders = List.copyOf(libraryFolders);
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be one of " + SAMPLE_RATES + ", was " + sampleRate);
        }
        if (!BUFFER_SIZES.contains(bufferFrames)) {
            throw new IllegalArgumentException("buffer must be one of " + BUFFER_SIZES + " frames, was " + bufferFrames);
        }
        if (autosaveSeconds < 10 || autosaveSeconds > 3600) {
            throw new IllegalArgumentException("autosave must be every 10..3600 s, was " + autosaveSeconds);
        }
    }

    /** With {@code file} first in the recent list (moved there if already listed). */
    public StudioSettings withRecent(Path file) {
        Set<Path> ordered = new LinkedHashSet<>();
        ordered.add(file.toAbsolutePath().normalize());
        ordered.addAll(recentFiles);
        List<Path> list = new ArrayList<>(ordered);
        return new StudioSettings(darkTheme, list.subList(0, Math.min(MAX_RECENT, list.size())), soundFont, synth,
                sampleRate, bufferFrames, autosaveSeconds, preferCuda, audioDevice, libraryFolders, firstStart);
    }

    /** The recent files that still exist, for the menu. */
    public List<Path> existingRecentFiles() {
        return recentFiles.stream().filter(Files::isRegularFile).toList();
    }

    public StudioSettings withDarkTheme(boolean dark) {
        return new StudioSettings(dark, recentFiles, soundFont, synth, sampleRate, bufferFrames, autosaveSeconds, preferCuda,
                audioDevice, libraryFolders, firstStart);
    }

    /** The preferences the dialog edits, all at once; the recent files and first-start flag stay. */
    public StudioSettings withPreferences(boolean dark, Optional<Path> sf2, SynthEngine engine, int rate, int buffer,
                                          int autosave, boolean cuda, Optional<String> device, List<Path> folders) {
        return new StudioSettings(dark, recentFiles, sf2, engine, rate, buffer, autosave, cuda, device, folders, firstStart);
    }

    public StudioSettings started() {
        return new StudioSettings(darkTheme, recentFiles, soundFont, synth, sampleRate, bufferFrames, autosaveSeconds,
                preferCuda, audioDevice, libraryFolders, false);
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
        List<Path> recent = paths(root.path("recentFiles"));
        String sf2 = root.path("soundFont").asText("");
        String device = root.path("audioDevice").asText("");
        int rate = root.path("sampleRate").asInt(DEFAULTS.sampleRate);
        int buffer = root.path("bufferFrames").asInt(DEFAULT_BUFFER_FRAMES);
        int autosave = root.path("autosaveSeconds").asInt(DEFAULTS.autosaveSeconds);
        return new StudioSettings(root.path("darkTheme").asBoolean(true),
                recent.subList(0, Math.min(MAX_RECENT, recent.size())),
                sf2.isBlank() ? Optional.empty() : Optional.of(Path.of(sf2)),
                synth(root.path("synth").asText(DEFAULTS.synth.id())),
                SAMPLE_RATES.contains(rate) ? rate : DEFAULTS.sampleRate,
                BUFFER_SIZES.contains(buffer) ? buffer : DEFAULT_BUFFER_FRAMES,
                autosave >= 10 && autosave <= 3600 ? autosave : DEFAULTS.autosaveSeconds,
                root.path("preferCuda").asBoolean(false),
                device.isBlank() ? Optional.empty() : Optional.of(device),
                paths(root.path("libraryFolders")), false);
    }

    /** An unknown name (a newer Fermata's engine, a typing mistake) falls back to the default engine. */
    private static SynthEngine synth(String id) {
        try {
            return SynthEngine.of(id);
        } catch (IllegalArgumentException e) {
            return DEFAULTS.synth;
        }
    }

    private static List<Path> paths(JsonNode array) {
        List<Path> list = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isTextual()) {
                list.add(Path.of(n.asText()));
            }
        }
        return list;
    }

    /** Writes the settings atomically (the previous file stays intact if writing fails). */
    public void save(UserData userData) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("settingsVersion", VERSION);
        root.put("darkTheme", darkTheme);
        ArrayNode recent = root.putArray("recentFiles");
        recentFiles.forEach(p -> recent.add(p.toString()));
        root.put("soundFont", soundFont.map(Path::toString).orElse(""));
        root.put("synth", synth.id());
        root.put("sampleRate", sampleRate);
        root.put("bufferFrames", bufferFrames);
        root.put("autosaveSeconds", autosaveSeconds);
        root.put("preferCuda", preferCuda);
        root.put("audioDevice", audioDevice.orElse(""));
        ArrayNode folders = root.putArray("libraryFolders");
        libraryFolders.forEach(p -> folders.add(p.toString()));
        Path dir = userData.settings();
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), false);
    }
}
