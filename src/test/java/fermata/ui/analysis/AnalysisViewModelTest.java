package fermata.ui.analysis;

import fermata.core.edit.History;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.analysis.tonal.KeyEstimate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis view-model on a generated project, without the toolkit: jobs and results run on the test thread. */
class AnalysisViewModelTest {
    @TempDir
    Path folder;
    private History history;
    private AnalysisViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        Project project = AnalysisProjects.project(folder);
        history = new History(project);
        model = AnalysisProjects.viewModel(history, folder.resolve("cache"), Runnable::run);
    }

    private Map<String, String> readings() {
        return model.readings().stream().collect(Collectors.toMap(AnalysisViewModel.Reading::name,
                AnalysisViewModel.Reading::value));
    }

    @Test
    void theMasterIsRenderedAndMeasured() {
        model.setTarget(null);
        assertEquals("Master", model.targetLabelProperty().get());
        model.analyze();
        assertFalse(model.runningProperty().get());
        assertEquals(1, model.progressProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Master"), model.statusProperty().get());
        Map<String, String> r = readings();
        assertTrue(r.get("Integrated").matches("-\\d+\\.\\d LUFS"), r.toString());
        assertTrue(r.get("True peak").endsWith("dBTP"), r.toString());
        for (String name : List.of("Loudness range", "Sample peak", "Momentary max", "Short-term max", "Tempo",
                "Key", "Pitch range")) {
            assertTrue(r.containsKey(name), name + " missing from " + r);
        }
        AnalysisViewModel.Outcome o = model.outcomeProperty().get();
        assertTrue(o.audio().durationSeconds() > 23, "clicks end at 24 s: " + o.audio().durationSeconds());
        assertTrue(o.audio().timelines().momentaryLufs().length > 200);
        assertFalse(model.beatTimesProperty().get().isEmpty());
        assertFalse(model.chordSegmentsProperty().get().isEmpty());
    }

    @Test
    void aMidiTrackGetsKeyChordsAndRangeFromItsNotes() {
        model.setTarget("keys");
        assertEquals("Track: Keys", model.targetLabelProperty().get());
        model.analyze();
        Map<String, String> r = readings();
        assertTrue(r.get("Key").startsWith("A minor"), r.get("Key"));
        assertTrue(r.get("Key").contains("from the notes"), r.get("Key"));
        assertEquals("A2 - E5", r.get("Pitch range"));
        assertTrue(r.get("Notes").startsWith("56,"), r.get("Notes"));
        List<String> chords = model.chordSegmentsProperty().get().stream().map(c -> c.label()).toList();
        assertEquals(List.of("Am", "Dm", "E", "Am"), chords);
        assertEquals(6.0, model.chordSegmentsProperty().get().get(3).startSeconds(), 0.11);
    }

    @Test
    void aClipIsAnalysedOnItsOwnAndItsBeatsLieOnTheTimeline() {
        model.setClipTarget("audio", "click-clip");
        assertEquals("Clip of Audio", model.targetLabelProperty().get());
        model.analyze();
        AnalysisViewModel.Outcome o = model.outcomeProperty().get();
        assertEquals(12.0, o.audio().durationSeconds(), 0.01);
        assertEquals(AnalysisProjects.CLICK_BPM, o.audio().rhythm().tempo().bpm(), 1);
        double period = 60 / AnalysisProjects.CLICK_BPM;
        for (double beat : model.beatTimesProperty().get()) {
            assertTrue(beat >= AnalysisProjects.CLICKS_AT_SECONDS, "beat " + beat + " before the clip");
            double phase = (beat - AnalysisProjects.CLICKS_AT_SECONDS) / period;
            assertEquals(Math.rint(phase), phase, 0.1, "beat at " + beat + " s is off the clicks");
        }
    }

    @Test
    void aSineClipHasItsPitch() {
        model.setClipTarget("audio", "sine-clip");
        model.analyze();
        String range = readings().get("Pitch range");
        assertTrue(range.startsWith("A4 - A4"), range);
    }

    @Test
    void usingTheDetectedTempoIsOneUndoableEdit() {
        model.setClipTarget("audio", "click-clip");
        model.analyze();
        assertTrue(model.tempoUsableProperty().get());
        model.useDetectedTempo();
        assertEquals(AnalysisProjects.CLICK_BPM, history.current().tempoMap().tempoAt(0).bpm(), 1);
        assertEquals("Set tempo", history.undoLabel());
        history.undo();
        assertEquals(120, history.current().tempoMap().tempoAt(0).bpm(), 1e-9);
    }

    @Test
    void usingTheDetectedKeyIsOneUndoableEdit() {
        model.setTarget("keys");
        model.analyze();
        model.useDetectedKey();
        assertEquals(List.of(new KeySignature(0, 0, true)), history.current().keySignatures());
        history.undo();
        assertEquals(List.of(), history.current().keySignatures());
    }

    @Test
    void keySignaturesUseSharpsUpToSixAndFlatsBeyond() {
        assertEquals(new KeySignature(0, 6, false),
                AnalysisViewModel.keySignature(KeyEstimate.of(6, KeyEstimate.Mode.MAJOR, 1)));
        assertEquals(new KeySignature(0, -3, true),
                AnalysisViewModel.keySignature(KeyEstimate.of(0, KeyEstimate.Mode.MINOR, 1)));
        assertEquals(new KeySignature(0, -2, false),
                AnalysisViewModel.keySignature(KeyEstimate.of(10, KeyEstimate.Mode.MAJOR, 1)));
    }

    @Test
    void cancellingStopsTheJobAndKeepsTheLastResult() throws Exception {
        AnalysisViewModel[] self = new AnalysisViewModel[1];
        self[0] = AnalysisProjects.viewModel(history, folder.resolve("cache"), r -> {
            r.run();
            if (self[0].runningProperty().get() && self[0].progressProperty().get() > 0) {
                self[0].cancel();
            }
        });
        self[0].setTarget(null);
        self[0].analyze();
        assertEquals("Cancelled", self[0].statusProperty().get());
        assertFalse(self[0].runningProperty().get());
        assertNull(self[0].outcomeProperty().get());
        assertTrue(self[0].readings().isEmpty());
    }

    @Test
    void theMasterAdviceSaysWhereTracksCompete() {
        int q = Ppq.TICKS_PER_QUARTER;
        List<Note> kick = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) {
            kick.add(new Note(36, (long) beat * q, q / 2, 120, Instrument.DRUM_CHANNEL));
            bass.add(new Note(beat % 2 == 0 ? 33 : 28, (long) beat * q, q - 20, 110, 1));
        }
        Project p = Project.empty("low end").withTracks(List.of(
                new MidiTrack("k", "Kick", new Instrument(0, 0, 0, Instrument.DRUM_CHANNEL), MixerSettings.UNITY,
                        List.of(new MidiClip("kc", 0, 16L * q, kick))),
                new MidiTrack("b", "Bass", new Instrument(38, 0, 0, 1), MixerSettings.UNITY,
                        List.of(new MidiClip("bc", 0, 16L * q, bass)))));
        History lowEnd = new History(p);
        AnalysisViewModel vm = AnalysisProjects.viewModel(lowEnd, folder.resolve("cache"), Runnable::run);
        vm.setTarget(null);
        vm.analyze();
        List<String> overlaps = vm.advice().stream().filter(a -> a.rule().equals("stem-overlap"))
                .map(a -> a.message()).toList();
        assertEquals(1, overlaps.size(), vm.advice().toString());
        assertTrue(overlaps.get(0).startsWith("Kick and Bass overlap at "), overlaps.get(0));
    }

    @Test
    void aTrackThatIsGoneIsReported() {
        model.setTarget("no-such-track");
        model.analyze();
        assertFalse(model.runningProperty().get());
        assertTrue(model.statusProperty().get().contains("gone"), model.statusProperty().get());
    }
}
