package fermata.ui.mixer;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.edit.History;
import fermata.core.engine.MediaClipSources;
import fermata.core.mix.AutoMixer;
import fermata.core.mix.Decision;
import fermata.core.mix.DenoiseClip;
import fermata.core.mix.DenoiseSettings;
import fermata.core.mix.MixPlan;
import fermata.core.mix.MixPreset;
import fermata.core.mix.MixPresets;
import fermata.core.preset.DenoisePreset;
import fermata.core.project.UserData;
import fermata.core.error.BadInputException;
import fermata.core.mix.ProjectStems;
import fermata.core.mix.Stem;
import fermata.core.mix.StemDecision;
import fermata.core.mix.StemRole;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.task.CancelledException;
import fermata.core.task.TaskExecutor;
import fermata.core.task.TaskHandle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * State and actions of the mix panel: Automix and Denoise run as tasks with progress; the automix
 * decisions are listed with their reasons and the role of each stem can be corrected (which mixes
 * again); A/B switches the meters (and what a preview plays) between the automix and the plain
 * sum of the stems at the same integrated loudness. Every change to the project goes through the
 * studio's {@link History} as one command, so one undo takes it back. No toolkit types beyond
 * JavaFX properties: tested without a display.
 */
public final class MixPanelViewModel {
    /** One line of the decision list. */
    public record DecisionRow(String trackId, String stem, StemRole role, String decision, String reason) {
    }

    /** The two versions A/B compares, both at the automix's integrated loudness. */
    public record Version(float[][] samples, int sampleRate, double integratedLufs, double truePeakDbtp) {
    }

    private final History history;
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Function<MediaRef, Path> resolve;
    private final Path mediaFolder;
    private final ObjectProperty<String> preset = new SimpleObjectProperty<>(MixPresets.DEFAULT);
    private final ObjectProperty<String> selectedTrack = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper denoisePreviewed = new ReadOnlyBooleanWrapper();
    private Consumer<Project> previewHook = p -> { };
    private DenoiseClip.Outcome pendingDenoise;
    private Project pendingBase;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Automix balances the tracks to a preset.");
    private final BooleanProperty listeningToAutomix = new SimpleBooleanProperty(true);
    private final ReadOnlyDoubleWrapper meterLufs = new ReadOnlyDoubleWrapper(Double.NEGATIVE_INFINITY);
    private final ReadOnlyDoubleWrapper meterTruePeak = new ReadOnlyDoubleWrapper(Double.NEGATIVE_INFINITY);
    private final ObservableList<DecisionRow> decisions = FXCollections.observableArrayList();
    private Map<String, MixPreset> mixPresets = MixPresets.shipped();
    private Map<String, DenoisePreset> denoisePresets = DenoisePreset.LIBRARY.shipped();
    private final ObservableList<String> presetNames = FXCollections.observableArrayList(mixPresets.keySet());
    private final ObjectProperty<String> denoisePreset = new SimpleObjectProperty<>(DenoisePreset.STANDARD);
    private final ObservableList<String> denoisePresetNames = FXCollections.observableArrayList(denoisePresets.keySet());
    private final Map<String, StemRole> roleCorrections = new HashMap<>();
    private volatile TaskHandle<?> running;
    private MixPlan plan;
    private Version automix;
    private Version plainSum;

    /**
     * @param uiThread where results are published (the FX thread in the studio, the caller's in tests)
     * @param resolve where a media reference's file is (the project folder resolves relative paths)
     * @param mediaFolder where denoised media and decoded caches go
     */
    public MixPanelViewModel(History history, TaskExecutor executor, Executor uiThread, Function<MediaRef, Path> resolve,
                             Path mediaFolder) {
        this.history = history;
        this.executor = executor;
        this.uiThread = uiThread;
        this.resolve = resolve;
        this.mediaFolder = mediaFolder;
        listeningToAutomix.addListener((o, was, now) -> showMeters());
    }

    public ObjectProperty<String> presetProperty() {
        return preset;
    }

    public ObservableList<String> presetNames() {
        return presetNames;
    }

    /** The denoise preset Denoise and its preview use; {@link DenoisePreset#STANDARD} by default. */
    public ObjectProperty<String> denoisePresetProperty() {
        return denoisePreset;
    }

    public ObservableList<String> denoisePresetNames() {
        return denoisePresetNames;
    }

    /**
     * Offers the user's own mix and denoise presets (under FERMATA_HOME/presets) beside the shipped
     * ones. A broken file is reported in the status line and the shipped presets of that kind stay.
     */
    public void loadPresets(UserData userData) {
        List<String> problems = new ArrayList<>();
        try {
            mixPresets = MixPresets.all(userData);
            presetNames.setAll(mixPresets.keySet());
        } catch (IOException | BadInputException e) {
            problems.add("mix presets: " + e.getMessage());
        }
        try {
            denoisePresets = DenoisePreset.LIBRARY.all(userData);
            denoisePresetNames.setAll(denoisePresets.keySet());
        } catch (IOException | BadInputException e) {
            problems.add("denoise presets: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            status.set("Your own presets could not be read, the shipped ones are offered. " + String.join("; ", problems));
        }
    }

    /** The chosen preset; the shipped default when the choice is empty or no longer offered. */
    private MixPreset chosenMixPreset() {
        MixPreset chosen = mixPresets.get(preset.get());
        return chosen != null ? chosen : mixPresets.get(MixPresets.DEFAULT);
    }

    private DenoisePreset chosenDenoisePreset() {
        DenoisePreset chosen = denoisePresets.get(denoisePreset.get());
        return chosen != null ? chosen : denoisePresets.get(DenoisePreset.STANDARD);
    }

    /** The audio track Denoise works on. */
    public ObjectProperty<String> selectedTrackProperty() {
        return selectedTrack;
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

    /** True: A, the automix; false: B, the plain sum at the same loudness. */
    public BooleanProperty listeningToAutomixProperty() {
        return listeningToAutomix;
    }

    public ReadOnlyDoubleProperty meterLufsProperty() {
        return meterLufs.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty meterTruePeakProperty() {
        return meterTruePeak.getReadOnlyProperty();
    }

    public ObservableList<DecisionRow> decisions() {
        return decisions;
    }

    public MixPlan plan() {
        return plan;
    }

    /** The version A/B selects, for a preview player; null before the first automix. */
    public Version selectedVersion() {
        return listeningToAutomix.get() ? automix : plainSum;
    }

    /** The audio tracks Denoise can work on, by id. */
    public List<String> audioTrackIds() {
        return history.current().tracks().stream().filter(t -> t instanceof AudioTrack a && !a.clips().isEmpty())
                .map(Track::id).toList();
    }

    /** Mixes the project's tracks to the preset and applies the result as one undoable command. */
    public TaskHandle<AutoMixer.Result> automix() {
        Project project = history.current();
        MixPreset chosen = chosenMixPreset();
        Map<String, StemRole> corrections = Map.copyOf(roleCorrections);
        MediaClipSources media = new MediaClipSources(resolve, mediaFolder.resolve("cache"));
        start("Automix");
        TaskHandle<AutoMixer.Result> handle = executor.submit("Automix", p -> {
            List<Stem> stems = ProjectStems.render(project, media, media, p.slice(0, 0.3));
            if (stems.isEmpty()) {
                throw new IllegalArgumentException("the project has no tracks with sound to mix");
            }
            AutoMixer.Result result = AutoMixer.mix(stems, AutoMixer.Options.of(chosen).withRoles(corrections),
                    p.slice(0.3, 0.65));
            plainSum = plainSum(stems, result.plan().master().integratedLufs());
            return result;
        });
        running = handle;
        handle.result().whenComplete((result, failure) -> uiThread.execute(() -> {
            busy.set(false);
            progress.set(1);
            if (failure != null) {
                status.set(message("Automix", failure));
                return;
            }
            plan = result.plan();
            automix = new Version(result.mix(), result.sampleRate(), plan.master().integratedLufs(), plan.master().truePeakDbtp());
            history.execute(plan.toEdit(history.current()));
            showDecisions();
            showMeters();
            status.set(String.format(Locale.ROOT, "Mixed %d tracks to %s: %.1f LUFS, %.1f dBTP. Undo takes it back.",
                    plan.stems().size(), chosen.name(), plan.master().integratedLufs(), plan.master().truePeakDbtp()));
        }));
        return handle;
    }

    /** The user's role for a stem; mixes again with it (another undoable step). */
    public TaskHandle<AutoMixer.Result> correctRole(String trackId, StemRole role) {
        roleCorrections.put(trackId, role);
        return automix();
    }

    /** Denoises the selected audio track's first clip into a new media file and swaps it in as one undoable command. */
    public TaskHandle<DenoiseClip.Outcome> denoise() {
        if (pendingDenoise != null && pendingBase == history.current()) {
            DenoiseClip.Outcome outcome = pendingDenoise;
            clearPreview();
            history.execute(outcome.edit());
            status.set("Applied the previewed denoise. Undo takes it back.");
            return null;
        }
        return runDenoise(false);
    }

    /**
     * Denoises the selected track's clip into a new file and plays the result through the preview
     * hook without changing the song; {@link #denoise()} then applies exactly what was heard.
     */
    public TaskHandle<DenoiseClip.Outcome> previewDenoise() {
        return runDenoise(true);
    }

    /** Where previews go: the studio plays the given project (the song with the denoised clip) until Stop. */
    public void setPreviewHook(Consumer<Project> hook) {
        this.previewHook = hook;
    }

    /** True while a previewed denoise waits to be applied to the unchanged song. */
    public ReadOnlyBooleanProperty denoisePreviewedProperty() {
        return denoisePreviewed.getReadOnlyProperty();
    }

    private void clearPreview() {
        pendingDenoise = null;
        pendingBase = null;
        denoisePreviewed.set(false);
    }

    private TaskHandle<DenoiseClip.Outcome> runDenoise(boolean preview) {
        Project project = history.current();
        String trackId = selectedTrack.get();
        if (trackId == null || !audioTrackIds().contains(trackId)) {
            status.set("Denoise: choose an audio track with a clip first.");
            return null;
        }
        clearPreview();
        String clipId = project.audioTrack(trackId).clips().get(0).id();
        DenoiseSettings settings = chosenDenoisePreset().settings();
        start("Denoise");
        TaskHandle<DenoiseClip.Outcome> handle = executor.submit("Denoise", p -> DenoiseClip.denoise(project, trackId,
                clipId, resolve, mediaFolder.resolve("denoised"), settings, p));
        running = handle;
        handle.result().whenComplete((outcome, failure) -> uiThread.execute(() -> {
            busy.set(false);
            progress.set(1);
            if (failure != null) {
                status.set(message("Denoise", failure));
                return;
            }
            String what = project.track(trackId).name() + " (noise profile: " + outcome.report().profileSource()
                    + outcome.report().humHz().map(h -> String.format(Locale.ROOT, ", %.1f Hz hum removed", h)).orElse("")
                    + ")";
            if (preview) {
                pendingDenoise = outcome;
                pendingBase = project;
                denoisePreviewed.set(true);
                previewHook.accept(outcome.edit().apply(project));
                status.set("Previewing the denoised " + what + ". Denoise applies it; Stop returns to the original.");
            } else {
                history.execute(outcome.edit());
                status.set("Denoised " + what + ". Undo takes it back.");
            }
        }));
        return handle;
    }

    private void start(String what) {
        busy.set(true);
        progress.set(0);
        status.set(what + "...");
    }

    private static String message(String what, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancelledException) {
            return what + " cancelled.";
        }
        return what + " failed: " + cause.getMessage();
    }

    /** Reads the running task's progress into {@link #progressProperty()}; the view calls it on a timer while busy. */
    public void pollProgress() {
        TaskHandle<?> task = running;
        if (task != null && busy.get()) {
            progress.set(Math.max(0, task.fraction()));
            if (!task.message().isEmpty()) {
                status.set(task.name() + ": " + task.message());
            }
        }
    }

    /** Stops the running Automix or Denoise. */
    public void cancel() {
        TaskHandle<?> task = running;
        if (task != null) {
            task.cancel();
        }
    }

    private void showDecisions() {
        List<DecisionRow> rows = new ArrayList<>();
        for (StemDecision s : plan.stems()) {
            for (Decision d : s.decisions()) {
                rows.add(new DecisionRow(s.trackId(), s.name(), s.role(), d.what(), d.reason()));
            }
        }
        for (Decision d : plan.master().decisions()) {
            rows.add(new DecisionRow(null, "Master", null, d.what(), d.reason()));
        }
        decisions.setAll(rows);
    }

    private void showMeters() {
        Version v = selectedVersion();
        meterLufs.set(v == null ? Double.NEGATIVE_INFINITY : v.integratedLufs());
        meterTruePeak.set(v == null ? Double.NEGATIVE_INFINITY : v.truePeakDbtp());
    }

    /** The dry stems summed at unity and centred, scaled to the automix's loudness: the fair B of an A/B. */
    static Version plainSum(List<Stem> stems, double targetLufs) {
        int frames = stems.stream().mapToInt(Stem::frames).max().orElse(0);
        float[][] sum = new float[2][frames];
        for (Stem s : stems) {
            float[][] x = s.samples();
            for (int i = 0; i < s.frames(); i++) {
                sum[0][i] += x[0][i];
                sum[1][i] += x[x.length - 1][i];
            }
        }
        int rate = stems.get(0).sampleRate();
        double lufs = LoudnessMeter.integratedLufs(sum, rate);
        float gain = Double.isFinite(lufs) && Double.isFinite(targetLufs) ? (float) Math.pow(10, (targetLufs - lufs) / 20) : 1f;
        for (float[] channel : sum) {
            for (int i = 0; i < frames; i++) {
                channel[i] *= gain;
            }
        }
        LoudnessResult measured = LoudnessMeter.measure(sum, rate);
        return new Version(sum, rate, measured.integratedLufs(), measured.truePeakDbtp());
    }
}
