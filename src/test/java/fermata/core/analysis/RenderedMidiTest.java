package fermata.core.analysis;

import fermata.core.analysis.tonal.ChordSegment;
import fermata.core.analysis.tonal.KeyEstimate;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderOptions;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.TempoMap;
import fermata.core.model.Project;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MIDI of known tempo, key and chords rendered through the engine's synthesizer (whatever
 * SoundFont the machine has, else the JDK's bank) and analysed as audio: what the sidebar does
 * with a MIDI track or the master.
 */
class RenderedMidiTest {
    private static final RenderOptions OPTIONS = RenderOptions.defaults().withSampleRate(44_100).withTailSeconds(0.5);

    private static AnalysisReport analyze(Project project) throws Exception {
        ProjectAudio.Audio audio = ProjectAudio.master(project, new OfflineRenderer(), OPTIONS, Progress.NONE);
        return Analyzer.analyze(audio.samples(), audio.sampleRate(), Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {76, 104, 132, 156})
    void renderedDrumsReadTheirTempoAndBeatsLandOnTheQuarterNotes(double bpm) throws Exception {
        AnalysisReport r = analyze(Pieces.drumsOnly(bpm, 10));
        assertEquals(bpm, r.rhythm().tempo().bpm(), 0.02 * bpm);
        double beat = 60 / bpm;
        for (double t : r.rhythm().beats()) {
            double offGrid = Math.abs(t / beat - Math.rint(t / beat)) * beat;
            assertTrue(offGrid < 0.03, "beat at " + t + " s is " + offGrid + " s off the quarter-note grid");
        }
        assertTrue(r.rhythm().beats().size() >= 10 * 4 - 4, r.rhythm().beats().size() + " beats");
    }

    @ParameterizedTest
    @ValueSource(doubles = {84, 118, 148})
    void renderedPiecesWithoutDrumsReadTheirTempo(double bpm) throws Exception {
        AnalysisReport r = analyze(Pieces.inKey(7, false, bpm, 8, false, 3));
        assertEquals(bpm, r.rhythm().tempo().bpm(), 0.04 * bpm);
    }

    /** The 24 pieces follow each other in one render (one synthesizer start instead of 24), analysed piece by piece. */
    @Test
    void renderedPiecesInAll24KeysReadTheirKey() throws Exception {
        int bars = 4;
        long piecesTicks = (long) bars * 4 * Pieces.Q;
        List<MidiTrack> tracks = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            Project piece = Pieces.inKey(k % 12, k >= 12, 132, bars, false, k);
            truth.add(KeyEstimate.of(k % 12, k >= 12 ? KeyEstimate.Mode.MINOR : KeyEstimate.Mode.MAJOR, 0).label());
            for (int t = 0; t < piece.tracks().size(); t++) {
                MidiTrack part = (MidiTrack) piece.tracks().get(t);
                MidiClip clip = part.clips().get(0);
                List<MidiClip> clips = new ArrayList<>(k == 0 ? List.of() : tracks.get(t).clips());
                clips.add(new MidiClip(part.id() + "-" + k, k * piecesTicks, piecesTicks, clip.notes()));
                MidiTrack merged = part.withClips(clips);
                if (k == 0) {
                    tracks.add(merged);
                } else {
                    tracks.set(t, merged);
                }
            }
        }
        Project all = Project.empty("24 keys").withTempoMap(TempoMap.constant(132)).withTracks(List.copyOf(tracks));
        ProjectAudio.Audio audio = ProjectAudio.master(all, new OfflineRenderer(), OPTIONS, Progress.NONE);
        int pieceFrames = (int) Math.round(all.tempoMap().seconds(piecesTicks) * audio.sampleRate());
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            float[][] slice = new float[2][];
            for (int c = 0; c < 2; c++) {
                slice[c] = Arrays.copyOfRange(audio.samples()[c], k * pieceFrames, (k + 1) * pieceFrames);
            }
            KeyEstimate found = Analyzer.analyze(slice, audio.sampleRate(), Progress.NONE).tonal().key();
            if (found == null || !found.label().equals(truth.get(k))) {
                wrong.add(truth.get(k) + " read as " + (found == null ? "nothing" : found.label()));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void renderedTriadsAreNamed() throws Exception {
        int[][] chords = {{48, 60, 64, 67}, {45, 57, 60, 64}, {41, 57, 60, 65}, {43, 55, 59, 62},
                {47, 59, 62, 65}, {50, 62, 67, 69}, {43, 55, 57, 62}, {44, 56, 59, 63}};
        List<String> expected = List.of("C", "Am", "F", "G", "Bdim", "Dsus4", "Gsus2", "G#m");
        List<String> labels = new ArrayList<>();
        for (ChordSegment s : analyze(Pieces.chordSequence(1.5, chords)).tonal().chords()) {
            if (!s.label().equals("N") && s.endSeconds() - s.startSeconds() > 0.5) {
                labels.add(s.label());
            }
        }
        assertEquals(expected, labels);
    }
}
