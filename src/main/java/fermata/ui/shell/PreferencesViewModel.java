package fermata.ui.shell;

import fermata.core.engine.SynthEngine;
import fermata.core.project.StudioSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The preferences dialog's state: audio device, sample rate and buffer, SoundFont and synthesizer, compute backend,
 * library folders, theme and autosave interval. {@link #validate()} names what is wrong before
 * anything is saved; {@link #result(StudioSettings)} gives the new settings.
 */
public final class PreferencesViewModel {
    /** The device choice that means "the system's default output". */
    public static final String SYSTEM_DEFAULT = "System default";

    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final StringProperty device = new SimpleStringProperty(SYSTEM_DEFAULT);
    private final IntegerProperty sampleRate = new SimpleIntegerProperty();
    private final IntegerProperty bufferFrames = new SimpleIntegerProperty();
    private final StringProperty soundFont = new SimpleStringProperty("");
    private final ObjectProperty<SynthEngine> synth = new SimpleObjectProperty<>(SynthEngine.FERMATA);
    private final BooleanProperty preferCuda = new SimpleBooleanProperty();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final IntegerProperty autosaveSeconds = new SimpleIntegerProperty();
    private final ObservableList<Path> libraryFolders = FXCollections.observableArrayList();
    private final ObjectProperty<String> problem = new SimpleObjectProperty<>();

    public PreferencesViewModel(StudioSettings current, List<String> outputDevices) {
        devices.add(SYSTEM_DEFAULT);
        devices.addAll(outputDevices);
        device.set(current.audioDevice().filter(devices::contains).orElse(SYSTEM_DEFAULT));
        sampleRate.set(current.sampleRate());
        bufferFrames.set(current.bufferFrames());
        soundFont.set(current.soundFont().map(Path::toString).orElse(""));
        synth.set(current.synth());
        preferCuda.set(current.preferCuda());
        darkTheme.set(current.darkTheme());
        autosaveSeconds.set(current.autosaveSeconds());
        libraryFolders.setAll(current.libraryFolders());
    }

    /** What is wrong with the choices, or empty when they can be saved; also shown in {@link #problemProperty()}. */
    public Optional<String> validate() {
        List<String> wrong = new ArrayList<>();
        String sf2 = soundFont.get().strip();
        if (!sf2.isEmpty()) {
            try {
                Path p = Path.of(sf2);
                if (!Files.isRegularFile(p)) {
                    wrong.add("SoundFont " + sf2 + " does not exist; choose an .sf2 file or leave it empty for the default");
                } else if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf2")) {
                    wrong.add("SoundFont " + sf2 + " is not an .sf2 file");
                }
            } catch (InvalidPathException e) {
                wrong.add("SoundFont path is not valid: " + e.getMessage());
            }
        }
        if (!StudioSettings.SAMPLE_RATES.contains(sampleRate.get())) {
            wrong.add("sample rate must be one of " + StudioSettings.SAMPLE_RATES);
        }
        if (!StudioSettings.BUFFER_SIZES.contains(bufferFrames.get())) {
            wrong.add("buffer must be one of " + StudioSettings.BUFFER_SIZES + " frames");
        }
        if (autosaveSeconds.get() < 10 || autosaveSeconds.get() > 3600) {
            wrong.add("autosave must be every 10 to 3600 seconds");
        }
        for (Path folder : libraryFolders) {
            if (!Files.isDirectory(folder)) {
                wrong.add("library folder " + folder + " does not exist");
            }
        }
        problem.set(wrong.isEmpty() ? null : String.join("; ", wrong));
        return Optional.ofNullable(problem.get());
    }

    /** {@code base} with these choices; call after {@link #validate()} found nothing. */
    public StudioSettings result(StudioSettings base) {
        String sf2 = soundFont.get().strip();
        return base.withPreferences(darkTheme.get(), sf2.isEmpty() ? Optional.empty() : Optional.of(Path.of(sf2)),
                synth.get(), sampleRate.get(), bufferFrames.get(), autosaveSeconds.get(), preferCuda.get(),
                SYSTEM_DEFAULT.equals(device.get()) ? Optional.empty() : Optional.of(device.get()),
                List.copyOf(libraryFolders));
    }

    /** Whether going from {@code before} to {@code after} needs the audio engine reopened. */
    public static boolean audioChanged(StudioSettings before, StudioSettings after) {
        return before.sampleRate() != after.sampleRate() || before.bufferFrames() != after.bufferFrames()
                || !before.soundFont().equals(after.soundFont()) || before.synth() != after.synth()
                || !before.audioDevice().equals(after.audioDevice());
    }

    /** The buffer's latency at the chosen rate, for the label beside it. */
    public String latencyText() {
        return String.format(Locale.ROOT, "%.1f ms", 1000.0 * bufferFrames.get() / sampleRate.get());
    }

    public ObservableList<String> devices() {
        return devices;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public IntegerProperty sampleRateProperty() {
        return sampleRate;
    }

    public IntegerProperty bufferFramesProperty() {
        return bufferFrames;
    }

    public StringProperty soundFontProperty() {
        return soundFont;
    }

    /** Which synthesizer plays MIDI tracks, in playback and in exports. */
    public ObjectProperty<SynthEngine> synthProperty() {
        return synth;
    }

    public BooleanProperty preferCudaProperty() {
        return preferCuda;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public IntegerProperty autosaveSecondsProperty() {
        return autosaveSeconds;
    }

    public ObservableList<Path> libraryFolders() {
        return libraryFolders;
    }

    public ObjectProperty<String> problemProperty() {
        return problem;
    }
}
