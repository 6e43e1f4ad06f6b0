package fermata.core.analysis.tonal;

import fermata.core.analysis.TestSignals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chords and keys of additive-tone signals whose notes we chose. */
class TonalTest {
    private static final int RATE = 22_050;
    private static final double CHORD_SECONDS = 2;

    /** A chord: its root one octave down in the bass (MIDI 48 + root), its notes from MIDI 60 up. */
    private record Chord(int root, int... intervals) {
    }

    private static float[] play(List<Chord> chords, double tuningCents) {
        float[] out = new float[(int) (chords.size() * CHORD_SECONDS * RATE)];
        double detune = Math.pow(2, tuningCents / 1200);
        for (int i = 0; i < chords.size(); i++) {
            Chord c = chords.get(i);
            double start = i * CHORD_SECONDS;
            TestSignals.addTone(out, RATE, TestSignals.midiHz(48 + c.root()) * detune, 0.08, start, CHORD_SECONDS, 6);
            for (int interval : c.intervals()) {
                TestSignals.addTone(out, RATE, TestSignals.midiHz(60 + c.root() + interval) * detune, 0.08, start,
                        CHORD_SECONDS, 6);
            }
        }
        return out;
    }

    private static TonalReport analyze(float[] signal) {
        return TonalReport.of(Chromagram.of(signal, RATE), (double) signal.length / RATE);
    }

    private static final int C = 0;
    private static final int D = 2;
    private static final int E = 4;
    private static final int F = 5;
    private static final int G = 7;
    private static final int A = 9;
    private static final int B = 11;

    @Test
    void chordQualitiesAreNamed() {
        List<Chord> chords = List.of(new Chord(C, 0, 4, 7), new Chord(A, 0, 3, 7), new Chord(G, 0, 4, 7, 10),
                new Chord(B, 0, 3, 6), new Chord(D, 0, 5, 7), new Chord(F, 0, 4, 7, 11), new Chord(E, 0, 3, 7, 10),
                new Chord(G, 0, 2, 7));
        List<String> expected = List.of("C", "Am", "G7", "Bdim", "Dsus4", "Fmaj7", "Em7", "Gsus2");
        List<ChordSegment> segments = analyze(play(chords, 0)).chords();
        List<String> labels = new ArrayList<>();
        for (ChordSegment s : segments) {
            labels.add(s.label());
        }
        assertEquals(expected, labels, segments.toString());
        for (int i = 1; i < segments.size(); i++) {
            assertEquals(i * CHORD_SECONDS, segments.get(i).startSeconds(), 0.3, segments.toString());
        }
    }

    @Test
    void chordsSurviveAQuarterToneOfDetuning() {
        List<Chord> chords = List.of(new Chord(C, 0, 4, 7), new Chord(A, 0, 3, 7), new Chord(G, 0, 4, 7, 10));
        TonalReport r = analyze(play(chords, 40));
        assertEquals(40, r.tuningCents(), 5);
        assertEquals(List.of("C", "Am", "G7"), r.chords().stream().map(ChordSegment::label).toList());
    }

    @Test
    void cadenceInCMajorIsCMajor() {
        List<Chord> cadence = List.of(new Chord(C, 0, 4, 7), new Chord(F, 0, 4, 7), new Chord(G, 0, 4, 7, 10),
                new Chord(C, 0, 4, 7));
        KeyEstimate key = analyze(play(repeat(cadence, 2), 0)).key();
        assertNotNull(key);
        assertEquals("C major", key.label());
        assertEquals("C", key.tonic());
        assertTrue(key.confidence() > 0.5, "confidence " + key.confidence());
    }

    @Test
    void cadenceInAMinorIsAMinor() {
        List<Chord> cadence = List.of(new Chord(A, 0, 3, 7), new Chord(D, 0, 3, 7), new Chord(E, 0, 4, 7, 10),
                new Chord(A, 0, 3, 7));
        KeyEstimate key = analyze(play(repeat(cadence, 2), 0)).key();
        assertEquals("A minor", key.label());
        assertEquals(KeyEstimate.Mode.MINOR, key.mode());
    }

    @Test
    void scaleOfEFlatMajorIsNamedWithSharps() {
        float[] out = new float[(int) (9 * 0.5 * RATE)];
        int[] scale = {0, 2, 4, 5, 7, 9, 11, 12, 0};
        for (int i = 0; i < scale.length; i++) {
            TestSignals.addTone(out, RATE, TestSignals.midiHz(63 + scale[i]), 0.2, i * 0.5, i == 8 ? 0.5 : 0.5, 5);
        }
        // the tonic triad underneath, as a drone
        for (int interval : new int[] {0, 4, 7}) {
            TestSignals.addTone(out, RATE, TestSignals.midiHz(51 + interval), 0.05, 0, 4.5, 5);
        }
        assertEquals("D# major", analyze(out).key().label());
    }

    @Test
    void modulationFromCToEMajorShowsAsTwoKeySegments() {
        List<Chord> inC = List.of(new Chord(C, 0, 4, 7), new Chord(F, 0, 4, 7), new Chord(G, 0, 4, 7, 10),
                new Chord(C, 0, 4, 7));
        List<Chord> inE = List.of(new Chord(E, 0, 4, 7), new Chord(A, 0, 4, 7), new Chord(B, 0, 4, 7, 10),
                new Chord(E, 0, 4, 7));
        List<Chord> piece = new ArrayList<>(repeat(inC, 3));
        piece.addAll(repeat(inE, 3));
        List<KeySegment> segments = analyze(play(piece, 0)).keySegments();
        assertEquals(List.of("C major", "E major"), segments.stream().map(s -> s.key().label()).toList(),
                segments.toString());
        assertEquals(24, segments.get(1).startSeconds(), 4);
    }

    @Test
    void silenceHasNoKeyAndNoChord() {
        TonalReport r = analyze(new float[RATE * 3]);
        assertEquals(null, r.key());
        assertEquals(List.of("N"), r.chords().stream().map(ChordSegment::label).toList());
    }

    private static List<Chord> repeat(List<Chord> chords, int times) {
        List<Chord> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(chords);
        }
        return out;
    }
}
