package fermata.core.engine;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses the SoundFont MIDI tracks play with: the user's SF2, else the first one in the usual
 * system folders, else the JDK's built-in bank. A missing or unreadable user file never stops a
 * render: it falls back to the built-in bank with a warning the CLI prints and the GUI shows.
 * The last bank loaded is cached, because an SF2 of 140 MB takes a second to parse and the
 * real-time engine rebuilds its graph on every structural edit.
 */
public final class SoundBanks {
    /** The folders Linux distributions install SoundFonts in, searched in this order. */
    public static final List<String> SYSTEM_FOLDERS = List.of("/usr/share/sounds/sf2", "/usr/share/soundfonts",
            "~/.local/share/soundfonts");

    private static Path cachedPath;
    private static long cachedModified;
    private static Soundbank cachedBank;

    private SoundBanks() {
    }

    /**
     * The bank to use and where it came from.
     *
     * @param bank the loaded SF2, or empty for the JDK's built-in bank
     * @param description "FluidR3_GM.sf2" or "the built-in JDK bank", for status lines
     * @param warning why the requested bank is not used, if it is not
     */
    public record Choice(Optional<Soundbank> bank, String description, Optional<String> warning) {
    }

    /** Resolves {@code requested} (may be empty) as described above. Never on the audio thread. */
    public static Choice resolve(Optional<Path> requested) {
        if (requested.isPresent()) {
            Path sf2 = requested.get();
            try {
                return new Choice(Optional.of(load(sf2)), sf2.getFileName().toString(), Optional.empty());
            } catch (IOException | InvalidMidiDataException | RuntimeException e) {
                return new Choice(Optional.empty(), "the built-in JDK bank",
                        Optional.of("SoundFont " + sf2 + " could not be loaded (" + reason(e)
                                + "); playing with the built-in JDK bank instead"));
            }
        }
        List<String> skipped = new ArrayList<>();
        for (Path candidate : systemCandidates()) {
            try {
                return new Choice(Optional.of(load(candidate)), candidate.getFileName().toString(), Optional.empty());
            } catch (IOException | InvalidMidiDataException | RuntimeException e) {
                skipped.add(candidate + " (" + reason(e) + ")");
            }
        }
        Optional<String> warning = skipped.isEmpty() ? Optional.empty()
                : Optional.of("skipped unreadable SoundFonts " + String.join(", ", skipped) + "; using the built-in JDK bank");
        return new Choice(Optional.empty(), "the built-in JDK bank", warning);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** SF2 files in {@link #SYSTEM_FOLDERS}, in folder order and by name within a folder. */
    public static List<Path> systemCandidates() {
        List<Path> found = new ArrayList<>();
        for (String folder : SYSTEM_FOLDERS) {
            Path dir = Path.of(folder.replaceFirst("^~", System.getProperty("user.home").replace("\\", "\\\\")));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".sf2"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .forEach(found::add);
            } catch (IOException e) {
                // An unreadable folder is as good as an absent one: keep looking in the next.
                continue;
            }
        }
        return found;
    }

    private static synchronized Soundbank load(Path sf2) throws IOException, InvalidMidiDataException {
        if (!Files.isRegularFile(sf2)) {
            throw new IOException("no such file");
        }
        Path real = sf2.toRealPath();
        long modified = Files.getLastModifiedTime(real).toMillis();
        if (real.equals(cachedPath) && modified == cachedModified) {
            return cachedBank;
        }
        Soundbank bank = MidiSystem.getSoundbank(real.toFile());
        if (bank.getInstruments().length == 0) {
            throw new InvalidMidiDataException("it holds no instruments");
        }
        cachedPath = real;
        cachedModified = modified;
        cachedBank = bank;
        return bank;
    }
}
