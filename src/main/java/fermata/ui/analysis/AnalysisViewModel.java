package fermata.ui.analysis;

import fermata.core.analysis.AnalysisReport;
import fermata.core.analysis.Analyzer;
import fermata.core.analysis.MidiAnalyzer;
import fermata.core.analysis.ProjectAudio;
import fermata.core.analysis.advice.Advice;
import fermata.core.analysis.advice.Advisor;
import fermata.core.analysis.spectrum.Band;
import fermata.core.analysis.spectrum.SpectrumAnalyzer;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.analysis.pitch.PitchReport;
import fermata.core.analysis.tonal.ChordSegment;
import fermata.core.analysis.tonal.KeyEstimate;
import fermata.core.analysis.tonal.KeySegment;
import fermata.core.analysis.tonal.PitchClass;
import fermata.core.edit.History;
import fermata.core.edit.SetKeySignature;
import fermata.core.edit.SetTempo;
import fermata.core.engine.MediaClipSources;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.RenderService;
import fermata.core.model.AudioTrack;
import fermata.core.model.KeySignature;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.Track;
import fermata.core.project.UserData;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import fermata.core.task.TaskExecutor;
import fermata.core.task.TaskHandle;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * All state of the analysis sidebar: what to analyse (the master, a track or one clip), the job
 * with its progress and cancel, the readings as text, the report for the plots, and the two
 * actions that turn a detection into an undoable edit. The master and tracks are rendered offline
 * through the engine into memory (MIDI synthesised, audio decoded, through the channel strip);
 * MIDI also gets the note-based key, chords and range of {@link MidiAnalyzer}.
 *
 * <p>Beat and chord times are seconds on the project timeline (a clip's analysis is shifted to
 * where the clip starts), so the waveform and the piano roll can draw them as they are.
 */
public final class AnalysisViewModel {
    /** One line of the readings table: a group ("Loudness", "Musical"), a name and its value as text. */
    public record Reading(String group, String name, String value) {
    }

    /**
     * What was analysed and what came out.
     *
     * @param notes only for MIDI material
     * @param advice the report's advice and, for the master, where tracks compete for the same
     *     frequencies; ranked
     */
    public record Outcome(String targetLabel, double offsetSeconds, AnalysisReport audio, MidiAnalyzer.Result notes,
                          List<Advice> advice) {
        public Outcome {
            advice = List.copyOf(advice);
        }

        /** Key from the notes when there are any (exact), else from the audio. */
        public KeyEstimate key() {
            return notes != null && notes.tonal().key() != null ? notes.tonal().key() : audio.tonal().key();
        }

        /** Key over time in seconds from the start of the analysed audio, like the report's plots. */
        public List<KeySegment> keySegments() {
            if (notes == null || notes.tonal().key() == null) {
                return audio.tonal().keySegments();
            }
            List<KeySegment> out = new ArrayList<>();
            for (KeySegment k : notes.tonal().keySegments()) {
                out.add(new KeySegment(k.startSeconds() - offsetSeconds, k.endSeconds() - offsetSeconds, k.key()));
            }
            return out;
        }
    }

    private final History history;
    private final TaskExecutor executor;
    private final RenderService renderer;
    private final Executor fx;

    private final StringProperty target = new SimpleStringProperty();
    private final StringProperty clip = new SimpleStringProperty();
    private final StringProperty targetLabel = new SimpleStringProperty("Master");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("Not analysed yet");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObservableList<Reading> readings = FXCollections.observableArrayList();
    private final ObservableList<Advice> advice = FXCollections.observableArrayList();
    /** One read-only view each, kept: a fresh wrapper per call would drop its listeners when collected. */
    private final ObservableList<Reading> readingsView = FXCollections.unmodifiableObservableList(readings);
    private final ObservableList<Advice> adviceView = FXCollections.unmodifiableObservableList(advice);
    private final ObjectProperty<List<Double>> beatTimes = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<ChordSegment>> chordSegments = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty tempoUsable = new SimpleBooleanProperty();
    private final BooleanProperty keyUsable = new SimpleBooleanProperty();

    private TaskHandle<Outcome> job;
    /** Set by {@link #cancel}: the job's own cancel switch, which works before submit has returned a handle too. */
    private AtomicBoolean cancelled = new AtomicBoolean();
    private int generation;

    /**
     * @param mediaResolver where a media reference's file is, as the studio resolves it next to the project
     */
    public AnalysisViewModel(History history, TaskExecutor executor, Function<MediaRef, Path> mediaResolver) {
        this(history, executor, renderer(mediaResolver), Platform::runLater);
    }

    /**
     * @param fx runs result and progress updates on the thread that owns the view-model (the FX
     *     thread in the studio, the calling thread in tests)
     */
    AnalysisViewModel(History history, TaskExecutor executor, RenderService renderer, Executor fx) {
        this.history = history;
        this.executor = executor;
        this.renderer = renderer;
        this.fx = fx;
    }

    private static RenderService renderer(Function<MediaRef, Path> mediaResolver) {
        MediaClipSources media = new MediaClipSources(mediaResolver, UserData.current().audioCache());
        return new OfflineRenderer(media, media);
    }

    /** Analyse a whole track, or the master when {@code trackIdOrNullForMaster} is null. */
    public void setTarget(String trackIdOrNullForMaster) {
        target.set(trackIdOrNullForMaster);
        clip.set(null);
        targetLabel.set(describe(history.current(), trackIdOrNullForMaster, null));
    }

    /** Analyse one clip of a track. */
    public void setClipTarget(String trackId, String clipId) {
        target.set(trackId);
        clip.set(clipId);
        targetLabel.set(describe(history.current(), trackId, clipId));
    }

    private static String describe(Project project, String trackId, String clipId) {
        if (trackId == null) {
            return "Master";
        }
        int index = project.indexOfTrack(trackId);
        String name = index < 0 ? trackId : project.tracks().get(index).name();
        return clipId == null ? "Track: " + name : "Clip of " + name;
    }

    /** Starts analysing the current target, cancelling an analysis still running. */
    public void analyze() {
        cancel();
        Project project = history.current();
        String trackId = target.get();
        String clipId = clip.get();
        String label = describe(project, trackId, clipId);
        if (trackId != null && project.indexOfTrack(trackId) < 0) {
            status.set("The track to analyse is gone; select another");
            return;
        }
        int mine = ++generation;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(0);
        status.set("Analysing " + label);
        TaskHandle<Outcome> handle = executor.submit("Analyse " + label,
                p -> run(project, trackId, clipId, label, forwarding(p, mine, stop)));
        job = handle;
        handle.result().whenComplete((result, failure) -> fx.execute(() -> finished(mine, result, failure)));
    }

    /** Stops the running analysis; the last finished result stays on show. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            if (job != null) {
                job.cancel();
            }
        }
    }

    private Progress forwarding(Progress worker, int mine, AtomicBoolean stop) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                worker.update(fraction, message);
                fx.execute(() -> {
                    if (mine == generation) {
                        progress.set(Math.max(0, fraction));
                        status.set(capitalised(message) + "...");
                    }
                });
            }

            @Override
            public boolean isCancelled() {
                return stop.get() || worker.isCancelled();
            }
        };
    }

    private Outcome run(Project project, String trackId, String clipId, String label, Progress p) throws Exception {
        Progress rendering = p.slice(0, 0.5);
        ProjectAudio.Audio audio;
        double offset = 0;
        RenderOptions options = ProjectAudio.options(project);
        if (trackId == null) {
            audio = ProjectAudio.master(project, renderer, options, rendering);
        } else if (clipId == null) {
            audio = ProjectAudio.track(project, trackId, renderer, options, rendering);
        } else {
            audio = ProjectAudio.clip(project, trackId, clipId, renderer, options, rendering);
            offset = clipStartSeconds(project, trackId, clipId);
        }
        boolean stems = trackId == null && audibleTracks(project).size() > 1;
        AnalysisReport report = Analyzer.analyze(audio.samples(), audio.sampleRate(), p.slice(0.5, stems ? 0.25 : 0.5));
        List<Advice> advice = new ArrayList<>(report.advice());
        if (stems) {
            advice.addAll(stemOverlaps(project, options, p.slice(0.75, 0.25)));
            advice.sort(Advice.RANKING);
        }
        return new Outcome(label, offset, report, notes(project, trackId, clipId), advice);
    }

    /** The tracks the master plays: the soloed ones when any is, else those not muted. */
    private static List<Track> audibleTracks(Project project) {
        boolean anySolo = project.tracks().stream().anyMatch(t -> t.mixer().solo());
        return project.tracks().stream().filter(t -> anySolo ? t.mixer().solo() : !t.mixer().mute()).toList();
    }

    /** Renders the audible tracks one at a time, keeping only their spectra, and compares them. */
    private List<Advice> stemOverlaps(Project project, RenderOptions options, Progress p) throws Exception {
        List<Track> tracks = audibleTracks(project);
        Map<String, List<Band>> spectra = new LinkedHashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            ProjectAudio.Audio stem = ProjectAudio.track(project, t.id(), renderer, options,
                    p.slice((double) i / tracks.size(), 1.0 / tracks.size()));
            spectra.put(t.name(), SpectrumAnalyzer.of(stem.samples(), stem.sampleRate()).spectrum().thirdOctaves());
            p.update((i + 1.0) / tracks.size(), "comparing tracks");
        }
        return Advisor.adviseStemSpectra(spectra);
    }

    private static double clipStartSeconds(Project project, String trackId, String clipId) {
        Track t = project.track(trackId);
        if (t instanceof MidiTrack m) {
            return project.tempoMap().seconds(m.clip(clipId).startTick());
        }
        return (double) ((AudioTrack) t).clip(clipId).positionFrame() / project.sampleRate();
    }

    /** Note-based analysis of the MIDI in the target; null when it holds no MIDI notes. */
    private static MidiAnalyzer.Result notes(Project project, String trackId, String clipId) {
        List<MidiAnalyzer.PlacedNote> placed = new ArrayList<>();
        for (Track t : project.tracks()) {
            if (t instanceof MidiTrack m && (trackId == null || t.id().equals(trackId))) {
                for (MidiClip c : m.clips()) {
                    if (clipId == null || c.id().equals(clipId)) {
                        for (Note n : c.notes()) {
                            placed.add(new MidiAnalyzer.PlacedNote(c.startTick() + n.startTick(), n));
                        }
                    }
                }
            }
        }
        MidiAnalyzer.Result result = MidiAnalyzer.analyze(placed, project.tempoMap());
        return result.noteCount() == 0 ? null : result;
    }

    private void finished(int mine, Outcome result, Throwable failure) {
        if (mine != generation) {
            return;
        }
        running.set(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancelledException) {
            status.set("Cancelled");
            progress.set(0);
        } else if (cause != null) {
            status.set("Analysis failed: " + cause.getMessage());
            progress.set(0);
        } else {
            progress.set(1);
            show(result);
            status.set(String.format(Locale.ROOT, "%s, %.1f s analysed", result.targetLabel(),
                    result.audio().durationSeconds()));
        }
    }

    /** Sets the outcome last, so that its listeners find the readings, beats and chords already in place. */
    private void show(Outcome o) {
        AnalysisReport r = o.audio();
        List<Reading> rows = new ArrayList<>();
        LoudnessResult l = r.loudness();
        rows.add(new Reading("Loudness", "Integrated", level(l.integratedLufs(), "LUFS")));
        rows.add(new Reading("Loudness", "Loudness range", number(l.rangeLu(), "%.1f LU")));
        rows.add(new Reading("Loudness", "True peak", level(l.truePeakDbtp(), "dBTP")));
        rows.add(new Reading("Loudness", "Sample peak", level(l.samplePeakDbfs(), "dBFS")));
        rows.add(new Reading("Loudness", "Momentary max", level(l.momentaryMaxLufs(), "LUFS")));
        rows.add(new Reading("Loudness", "Short-term max", level(l.shortTermMaxLufs(), "LUFS")));
        double bpm = r.rhythm().tempo().bpm();
        rows.add(new Reading("Musical", "Tempo", bpm > 0 ? String.format(Locale.ROOT, "%.1f BPM  (%s)", bpm,
                percent(r.rhythm().tempo().confidence())) : "none found"));
        KeyEstimate key = o.key();
        rows.add(new Reading("Musical", "Key", key == null ? "none found"
                : key.label() + "  (" + percent(key.confidence()) + (o.notes() != null ? ", from the notes)" : ")")));
        rows.add(new Reading("Musical", "Pitch range", range(o)));
        if (o.notes() != null) {
            rows.add(new Reading("Musical", "Notes", String.format(Locale.ROOT, "%d, %.1f per second",
                    o.notes().noteCount(), o.notes().notesPerSecond())));
        }
        readings.setAll(rows);
        advice.setAll(o.advice());
        List<Double> beats = new ArrayList<>();
        for (double b : r.rhythm().beats()) {
            beats.add(b + o.offsetSeconds());
        }
        beatTimes.set(List.copyOf(beats));
        List<ChordSegment> chords = new ArrayList<>();
        if (o.notes() != null) {
            chords.addAll(o.notes().tonal().chords());
        } else {
            for (ChordSegment c : r.tonal().chords()) {
                chords.add(new ChordSegment(c.startSeconds() + o.offsetSeconds(), c.endSeconds() + o.offsetSeconds(),
                        c.label()));
            }
        }
        chordSegments.set(List.copyOf(chords));
        tempoUsable.set(bpm > 0);
        keyUsable.set(key != null);
        outcome.set(o);
    }

    private static String range(Outcome o) {
        if (o.notes() != null) {
            return o.notes().lowestNote() + " - " + o.notes().highestNote();
        }
        PitchReport p = o.audio().pitch();
        if (p == null) {
            return "polyphonic";
        }
        return String.format(Locale.ROOT, "%s - %s  (%.0f - %.0f Hz)", noteName(p.minHz()), noteName(p.maxHz()),
                p.minHz(), p.maxHz());
    }

    private static String noteName(double hz) {
        return PitchClass.noteName((int) Math.round(69 + 12 * Math.log(hz / 440) / Math.log(2)));
    }

    private static String level(double value, String unit) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f %s", value, unit) : "-inf " + unit;
    }

    private static String number(double value, String pattern) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, pattern, value) : "-";
    }

    private static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f %% sure", 100 * confidence);
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "Working" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Sets the project tempo from the start to the detected tempo, rounded to 0.01 BPM; one undo step. */
    public void useDetectedTempo() {
        Outcome o = outcome.get();
        if (o == null || o.audio().rhythm().tempo().bpm() <= 0) {
            return;
        }
        double bpm = Math.round(o.audio().rhythm().tempo().bpm() * 100) / 100.0;
        history.execute(new SetTempo(Tempo.ofBpm(0, bpm)));
    }

    /** Sets the project key from the start to the detected key; one undo step. */
    public void useDetectedKey() {
        Outcome o = outcome.get();
        if (o == null || o.key() == null) {
            return;
        }
        history.execute(new SetKeySignature(keySignature(o.key())));
    }

    /** The key signature of a key, with sharps up to F# major / D# minor and flats beyond. */
    static KeySignature keySignature(KeyEstimate key) {
        boolean minor = key.mode() == KeyEstimate.Mode.MINOR;
        int major = minor ? Math.floorMod(key.tonicPitchClass() + 3, 12) : key.tonicPitchClass();
        int sharps = Math.floorMod(major * 7, 12);
        return new KeySignature(0, sharps > 6 ? sharps - 12 : sharps, minor);
    }

    public ReadOnlyStringProperty targetLabelProperty() {
        return targetLabel;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The last finished analysis; null before the first. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObservableList<Reading> readings() {
        return readingsView;
    }

    /** Ranked, most urgent first. */
    public ObservableList<Advice> advice() {
        return adviceView;
    }

    /** Beat times of the last result, seconds on the project timeline. */
    public ReadOnlyObjectProperty<List<Double>> beatTimesProperty() {
        return beatTimes;
    }

    /** Chords of the last result (from the notes for MIDI), seconds on the project timeline. */
    public ReadOnlyObjectProperty<List<ChordSegment>> chordSegmentsProperty() {
        return chordSegments;
    }

    public ReadOnlyBooleanProperty tempoUsableProperty() {
        return tempoUsable;
    }

    public ReadOnlyBooleanProperty keyUsableProperty() {
        return keyUsable;
    }
}
