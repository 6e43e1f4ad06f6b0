package fermata.ui.compose;

import fermata.core.compose.Composer;
import fermata.core.compose.CompositionModel;
import fermata.core.compose.GanGenerator;
import fermata.core.compose.GanModel;
import fermata.core.compose.GenerationRequest;
import fermata.core.compose.Generated;
import fermata.core.compose.ModelCard;
import fermata.core.compose.ModelFile;
import fermata.core.compose.ModelStore;
import fermata.core.compose.MusicalKey;
import fermata.core.compose.TcnModel;
import fermata.core.edit.History;
import fermata.core.error.BadInputException;
import fermata.core.model.MidiClip;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.preset.StylePreset;
import fermata.core.project.UserData;
import fermata.core.task.Progress;
import fermata.core.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * State of the composition panel: the model and the request settings, the editor's selection
 * (bound by the studio from the piano roll), and the alternatives of the last request. Generating
 * runs on the task executor; an alternative is auditioned through the preview hook and accepted
 * into the project through the {@link History} as one undoable command.
 */
public final class ComposeViewModel {
    /** What the four buttons ask for. */
    public enum Operation {
        GENERATE("Generate"), CONTINUE("Continue"), INFILL("Infill"), HARMONIZE("Harmonize");

        private final String label;

        Operation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A model the picker offers. */
    public record ModelChoice(String name, Path file, String architecture) {
        /** What kind of network it is, in words. */
        public String kind() {
            return ModelCard.GAN.equals(architecture) ? "bar GAN" : "causal CNN";
        }

        @Override
        public String toString() {
            return name + " (" + kind() + ")";
        }
    }

    /** The key choice that lets the model pick (from the context, or freely). */
    public static final String AUTO_KEY = "Auto";

    private final History history;
    private final TaskExecutor executor;
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> model = new SimpleObjectProperty<>();
    private final StringProperty key = new SimpleStringProperty(AUTO_KEY);
    private final DoubleProperty tempo = new SimpleDoubleProperty(96);
    private final IntegerProperty bars = new SimpleIntegerProperty(4);
    private final DoubleProperty density = new SimpleDoubleProperty(0.5);
    private final DoubleProperty temperature = new SimpleDoubleProperty(1.0);
    private final IntegerProperty voices = new SimpleIntegerProperty(4);
    private final IntegerProperty alternativeCount = new SimpleIntegerProperty(3);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final BooleanProperty newSeedEachTime = new SimpleBooleanProperty(true);
    private final ObservableList<Composer.Alternative> alternatives = FXCollections.observableArrayList();
    private Map<String, StylePreset> styles = StylePreset.LIBRARY.shipped();
    private final ObservableList<String> styleNames = FXCollections.observableArrayList(styles.keySet());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Map<Path, CompositionModel> loaded = new HashMap<>();
    private final Set<String> locked = new LinkedHashSet<>();
    private List<String> selectedTracks = List.of();
    private long fromTick;
    private long toTick;
    private Consumer<Project> previewHook = p -> { };
    private Executor uiThread = Runnable::run;
    private Project alternativesBase;

    public ComposeViewModel(History history, TaskExecutor executor) {
        this.history = history;
        this.executor = executor;
    }

    /**
     * Fills the picker with the bundled models (the default first) and the user's stored models,
     * and picks the first.
     */
    public void refreshModels(ModelStore store, List<Path> bundled) throws IOException {
        List<ModelChoice> choices = new ArrayList<>();
        for (Path file : bundled) {
            try {
                choices.add(new ModelChoice("Bundled chorales", file, ModelFile.readCard(file).architecture()));
            } catch (BadInputException e) {
                status.set(e.getMessage());
            }
        }
        for (ModelStore.Entry e : store.list()) {
            if (e.card() != null) {
                choices.add(new ModelChoice(e.name(), e.file(), e.card().architecture()));
            }
        }
        models.setAll(choices);
        if (model.get() == null || !choices.contains(model.get())) {
            model.set(choices.isEmpty() ? null : choices.get(0));
        }
    }

    /** Where auditions go: the studio plays the given project (the current one with the alternative applied). */
    public void setPreviewHook(Consumer<Project> hook) {
        this.previewHook = hook;
    }

    /** Where results of background work are delivered: the FX thread in the studio, the calling thread in tests. */
    public void setUiThread(Executor executor) {
        this.uiThread = executor;
    }

    /** The tracks selected in the editor, in project order. */
    public void setSelectedTracks(List<String> trackIds) {
        this.selectedTracks = List.copyOf(trackIds);
    }

    /** The tick range selected in the editor; from == to means no range. */
    public void setSelectedRange(long from, long to) {
        this.fromTick = Math.min(from, to);
        this.toTick = Math.max(from, to);
    }

    /** Locks a track: regeneration leaves it as it is and hears it as context. */
    public void setLocked(String trackId, boolean lock) {
        if (lock) {
            locked.add(trackId);
        } else {
            locked.remove(trackId);
        }
    }

    public Set<String> lockedTracks() {
        return Set.copyOf(locked);
    }

    /** Why an operation cannot run now, or empty when it can. */
    public Optional<String> whyNot(Operation operation) {
        if (model.get() == null) {
            return Optional.of("no model: train one or install the bundled model");
        }
        if (busy.get()) {
            return Optional.of("busy");
        }
        boolean gan = ModelCard.GAN.equals(model.get().architecture());
        if ((operation == Operation.INFILL || operation == Operation.HARMONIZE) && gan) {
            return Optional.of(operation.label() + " needs a tcn model (a GAN writes whole bars)");
        }
        if (operation == Operation.GENERATE) {
            return Optional.empty();
        }
        if (selectedTracks.isEmpty()) {
            return Optional.of("select a track in the piano roll");
        }
        if (operation != Operation.CONTINUE && toTick <= fromTick) {
            return Optional.of("select a range of bars");
        }
        return Optional.empty();
    }

    /**
     * Runs an operation in the background; the alternatives replace the list when it finishes.
     *
     * @throws IllegalStateException when {@link #whyNot} gives a reason
     */
    public CompletableFuture<List<Composer.Alternative>> run(Operation operation) {
        Optional<String> reason = whyNot(operation);
        if (reason.isPresent()) {
            throw new IllegalStateException(reason.get());
        }
        ModelChoice choice = model.get();
        Project project = history.current();
        GenerationRequest request = request();
        int count = alternativeCount.get();
        List<String> tracks = selectedTracks;
        // Continue without a range: after the selected tracks' last note.
        boolean afterEnd = operation == Operation.CONTINUE && toTick <= fromTick;
        long from = afterEnd ? 0 : fromTick;
        long to = afterEnd ? Math.max(1, endOf(project, tracks)) : toTick;
        Set<String> lockedNow = Set.copyOf(locked);
        busy.set(true);
        progress.set(-1);
        status.set(operation.label() + "...");
        CompletableFuture<List<Composer.Alternative>> done = new CompletableFuture<>();
        executor.submit(operation.label(), p -> {
            CompositionModel m = load(choice);
            Progress forward = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    uiThread.execute(() -> progress.set(fraction));
                    p.update(fraction, message);
                }

                @Override
                public boolean isCancelled() {
                    return p.isCancelled();
                }
            };
            return compose(m, operation, project, request, count, tracks, from, to, lockedNow, forward);
        }).result().whenComplete((result, failure) -> uiThread.execute(() -> {
            busy.set(false);
            progress.set(0);
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                status.set(operation.label() + " failed: " + cause.getMessage());
                done.completeExceptionally(cause);
                return;
            }
            alternativesBase = project;
            alternatives.setAll(result);
            status.set(operation.label() + ": " + result.size() + " alternative(s); click one to hear it");
            if (newSeedEachTime.get()) {
                seed.set(seed.get() + count);
            }
            done.complete(result);
        }));
        return done;
    }

    private static long endOf(Project project, List<String> trackIds) {
        long end = 0;
        for (String id : trackIds) {
            for (MidiClip clip : project.midiTrack(id).clips()) {
                for (Note n : clip.notes()) {
                    end = Math.max(end, clip.startTick() + n.endTick());
                }
            }
        }
        return end;
    }

    private synchronized CompositionModel load(ModelChoice choice) throws Exception {
        CompositionModel m = loaded.get(choice.file());
        if (m == null) {
            m = ModelFile.load(choice.file());
            loaded.put(choice.file(), m);
        }
        return m;
    }

    private static List<Composer.Alternative> compose(CompositionModel m, Operation operation, Project project, GenerationRequest request,
                                                      int count, List<String> tracks, long from, long to, Set<String> locked,
                                                      Progress progress) throws Exception {
        if (m instanceof TcnModel tcn) {
            Composer composer = new Composer(tcn);
            return switch (operation) {
                case GENERATE -> composer.generate(project, from, request, count, progress);
                case CONTINUE -> composer.continueSelection(project, new Composer.Selection(tracks, from, to), request, count, progress);
                case INFILL -> composer.infill(project, new Composer.Selection(tracks, from, to), locked, request, count, progress);
                case HARMONIZE -> composer.harmonize(project, tracks.get(0), from, to, request, count, progress);
            };
        }
        GanGenerator generator = new GanGenerator((GanModel) m);
        List<Composer.Alternative> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            progress.checkCancelled();
            progress.update((double) i / count, "alternative " + (i + 1) + " of " + count);
            GenerationRequest r = request.withSeed(request.seed() + i);
            Generated music = operation == Operation.CONTINUE ? generator.continueFrom(project, r) : generator.generate(r);
            long start = operation == Operation.CONTINUE ? Math.max(to, music.startTick()) : from;
            result.add(Composer.newTracks(project, music, start, i, r.seed(), operation.label() + " " + request.bars() + " bars"));
        }
        return result;
    }

    /** The request the settings describe. */
    public GenerationRequest request() {
        String k = key.get();
        MusicalKey musicalKey = k == null || k.isBlank() || AUTO_KEY.equals(k) ? null : MusicalKey.parse(k);
        return GenerationRequest.bars(bars.get()).withKey(musicalKey).withTempo(tempo.get()).withDensity(density.get())
                .withTemperature(temperature.get()).withSeed(seed.get()).withVoices(voices.get());
    }

    /** Plays an alternative: hands the project with it applied to the preview hook. */
    public void audition(int index) {
        Composer.Alternative a = alternatives.get(index);
        previewHook.accept(a.preview(history.current()));
        status.set("auditioning alternative " + (index + 1) + " (" + a.noteCount() + " notes)");
    }

    /**
     * Accepts an alternative into the project as one undo step and clears the list.
     *
     * @throws IllegalStateException when the project changed since the alternatives were made
     */
    public void accept(int index) {
        Composer.Alternative a = alternatives.get(index);
        if (history.current() != alternativesBase) {
            throw new IllegalStateException("the project changed since these alternatives were made; generate again");
        }
        history.execute(a.edit());
        alternatives.clear();
        status.set("accepted alternative " + (index + 1) + "; undo takes it back");
    }

    /** The composition styles offered: the shipped ones, then the user's. */
    public ObservableList<String> styleNames() {
        return styleNames;
    }

    /**
     * Offers the user's own styles (FERMATA_HOME/presets/styles) beside the shipped ones. A broken
     * style file is reported in the status line and the shipped styles stay on offer.
     */
    public void loadStyles(UserData userData) {
        try {
            styles = StylePreset.LIBRARY.all(userData);
        } catch (IOException | BadInputException e) {
            status.set("Your composition styles could not be read (" + e.getMessage() + "); the shipped ones are offered.");
            styles = StylePreset.LIBRARY.shipped();
        }
        styleNames.setAll(styles.keySet());
    }

    /**
     * Sets key, tempo, bars, density, temperature, voices and, when the style names one that is
     * installed, the model from a style. The piece's meter stays the project's: in the studio the
     * meter is an edit of the song, not a generation setting.
     */
    public void applyStyle(String name) {
        StylePreset style = styles.get(name);
        if (style == null) {
            status.set("there is no composition style called " + name);
            return;
        }
        key.set(style.key() == null ? AUTO_KEY : MusicalKey.parse(style.key()).label());
        tempo.set(style.tempo());
        bars.set(style.bars());
        density.set(style.density());
        temperature.set(style.temperature());
        voices.set(style.voices());
        String note = "";
        if (style.model() != null) {
            Optional<ModelChoice> named = models.stream().filter(c -> c.file().getFileName().toString().equals(style.model()))
                    .findFirst();
            if (named.isPresent()) {
                model.set(named.get());
            } else {
                note = "; its model " + style.model() + " is not installed, so " + (model.get() == null ? "no model"
                        : model.get().name()) + " stays";
            }
        }
        status.set("style " + style.name() + ": " + style.description() + note);
    }

    /** Shows a message in the panel's status line (a reason an operation cannot run, say). */
    public void statusMessage(String text) {
        status.set(text);
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    public ObjectProperty<ModelChoice> modelProperty() {
        return model;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public DoubleProperty tempoProperty() {
        return tempo;
    }

    public IntegerProperty barsProperty() {
        return bars;
    }

    public DoubleProperty densityProperty() {
        return density;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty voicesProperty() {
        return voices;
    }

    public IntegerProperty alternativeCountProperty() {
        return alternativeCount;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public BooleanProperty newSeedEachTimeProperty() {
        return newSeedEachTime;
    }

    public ObservableList<Composer.Alternative> alternatives() {
        return alternatives;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The key names the picker offers: Auto, then the 24 keys. */
    public static List<String> keyChoices() {
        List<String> keys = new ArrayList<>();
        keys.add(AUTO_KEY);
        for (int i = 0; i < MusicalKey.COUNT; i++) {
            keys.add(new MusicalKey(i % 12, i >= 12).label());
        }
        return keys;
    }
}
