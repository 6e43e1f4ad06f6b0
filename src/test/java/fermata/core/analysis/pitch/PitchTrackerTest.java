package fermata.core.analysis.pitch;

import fermata.core.analysis.TestSignals;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PitchTrackerTest {
    private static final int RATE = 22_050;
    /** A4 C5 E5 G4 D4, half a second each. */
    private static final int[] MELODY = {69, 72, 76, 67, 62};

    private static float[] melody(int harmonics) {
        float[] out = new float[(int) (MELODY.length * 0.5 * RATE)];
        for (int i = 0; i < MELODY.length; i++) {
            TestSignals.addTone(out, RATE, TestSignals.midiHz(MELODY[i]), 0.3, i * 0.5, 0.5, harmonics);
        }
        return out;
    }

    @Test
    void sineMelodyIsTrackedNoteByNote() {
        assertMelody(new PitchTracker(RATE).analyze(melody(1)));
    }

    /** A sawtooth (all harmonics at 1/h, 20 of them) is where octave errors would show. */
    @Test
    void sawtoothMelodyIsTrackedWithoutOctaveErrors() {
        assertMelody(new PitchTracker(RATE).analyze(melody(20)));
    }

    private static void assertMelody(PitchReport r) {
        assertTrue(r.monophonic());
        assertEquals(TestSignals.midiHz(62), r.minHz(), 1.0);
        assertEquals(TestSignals.midiHz(76), r.maxHz(), 2.0);
        assertEquals(TestSignals.midiHz(69), r.medianHz(), 1.0);
        for (PitchPoint p : r.contour()) {
            int note = (int) (p.timeSeconds() / 0.5);
            double inNote = p.timeSeconds() - note * 0.5;
            if (inNote > 0.1 && inNote < 0.4) {
                assertEquals(TestSignals.midiHz(MELODY[note]), p.hz(), TestSignals.midiHz(MELODY[note]) * 0.003,
                        "at " + p.timeSeconds());
                assertEquals(0, p.cents(), 5);
            }
        }
        assertEquals("A4", r.contour().get(r.contour().size() / 10).note());
    }

    @Test
    void chordIsNotMonophonic() {
        float[] out = new float[RATE * 3];
        for (int key : new int[] {60, 64, 67}) {
            TestSignals.addTone(out, RATE, TestSignals.midiHz(key), 0.2, 0, 3, 6);
        }
        PitchReport r = new PitchTracker(RATE).analyze(out);
        assertFalse(r.monophonic());
        assertTrue(r.contour().isEmpty());
    }

    @Test
    void noiseIsNotMonophonic() {
        assertFalse(new PitchTracker(RATE).analyze(TestSignals.whiteNoise(0.1, 3, RATE, 1)).monophonic());
    }
}
