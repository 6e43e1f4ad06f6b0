package fermata.core.compose;

import fermata.core.model.Note;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PianoRollTest {
    private static final RollFormat SIXTEENTHS = RollFormat.DEFAULT;

    @Test
    void quantizedNotesSurviveARoundTrip() {
        List<Note> notes = List.of(new Note(60, 0, 960, 80), new Note(64, 0, 480, 80), new Note(67, 240, 1200, 80),
                new Note(21, 1920, 240, 80), new Note(108, 1920, 960, 80));
        PianoRoll roll = PianoRoll.fromNotes(List.of(notes), SIXTEENTHS, 12);

        assertEquals(notes, roll.toNotes(0, 0, 80, 0));
    }

    @Test
    void onsetsTellARepeatedNoteFromAHeldOne() {
        Note held = new Note(60, 0, 960, 80);
        List<Note> repeated = List.of(new Note(60, 0, 480, 80), new Note(60, 480, 480, 80));
        PianoRoll heldRoll = PianoRoll.fromNotes(List.of(List.of(held)), SIXTEENTHS, 4);
        PianoRoll repeatedRoll = PianoRoll.fromNotes(List.of(repeated), SIXTEENTHS, 4);

        for (int t = 0; t < 4; t++) {
            assertEquals(heldRoll.isHeld(0, t, 60), repeatedRoll.isHeld(0, t, 60), "holds agree at step " + t);
        }
        assertFalse(heldRoll.isOnset(0, 2, 60));
        assertTrue(repeatedRoll.isOnset(0, 2, 60));
        assertEquals(List.of(held), heldRoll.toNotes(0, 0, 80, 0));
        assertEquals(repeated, repeatedRoll.toNotes(0, 0, 80, 0));
        float[] step = repeatedRoll.stepVector(2);
        assertEquals(1f, step[SIXTEENTHS.featureIndex(0, 0, 60)]);
        assertEquals(1f, step[SIXTEENTHS.featureIndex(0, 1, 60)]);
        assertEquals(0f, heldRoll.stepVector(2)[SIXTEENTHS.featureIndex(0, 1, 60)]);
    }

    @Test
    void soundingStepsMergeIntoHeldNotes() {
        PianoRoll roll = PianoRoll.fromSoundingSteps(List.of(List.of(60, 64), List.of(60, 65), List.of(), List.of(60)),
                RollFormat.soundingPitches(1));

        assertEquals(List.of(new Note(60, 0, 1920, 90), new Note(64, 0, 960, 90), new Note(65, 960, 960, 90),
                new Note(60, 2880, 960, 90)), roll.toNotes(0, 0, 90, 0));
        assertEquals(List.of(60, 65), roll.soundingPitches(0, 1));
        assertEquals(88, roll.stepVector(0).length);
    }

    @Test
    void transpositionMovesEveryNoteAndRefusesToLeaveTheRange() {
        PianoRoll roll = PianoRoll.fromNotes(List.of(List.of(new Note(60, 0, 240, 80), new Note(100, 240, 480, 80))), SIXTEENTHS, 3);

        PianoRoll up = roll.transposed(5).orElseThrow();
        assertEquals(List.of(new Note(65, 0, 240, 80), new Note(105, 240, 480, 80)), up.toNotes(0, 0, 80, 0));
        assertTrue(roll.transposed(9).isEmpty(), "100 + 9 is above 108");
        assertEquals(roll, up.transposed(-5).orElseThrow());
    }

    @Test
    void outOfRangeNotesAreLeftOutAndTracksStayApart() {
        RollFormat twoTracks = new RollFormat(4, 21, 88, 2, true);
        PianoRoll roll = PianoRoll.fromNotes(List.of(List.of(new Note(10, 0, 240, 80), new Note(60, 0, 240, 80)),
                List.of(new Note(72, 240, 240, 80))), twoTracks, 2);

        assertEquals(List.of(new Note(60, 0, 240, 80)), roll.toNotes(0, 0, 80, 0));
        assertEquals(List.of(new Note(72, 240, 240, 80)), roll.toNotes(1, 0, 80, 0));
        assertEquals(4 * 88, twoTracks.featuresPerStep());
    }

    @Test
    void stepVectorsConvertBack() {
        PianoRoll roll = PianoRoll.fromNotes(List.of(List.of(new Note(60, 0, 480, 80), new Note(60, 480, 240, 80))), SIXTEENTHS, 4);
        float[][] vectors = new float[roll.steps()][];
        for (int t = 0; t < roll.steps(); t++) {
            vectors[t] = roll.stepVector(t);
        }

        assertEquals(roll, PianoRoll.fromStepVectors(vectors, SIXTEENTHS));
        assertNotEquals(roll, PianoRoll.silent(SIXTEENTHS, 4));
    }

    @Test
    void voicesSplitChordsByPitchOrder() {
        PianoRoll chords = PianoRoll.fromSoundingSteps(List.of(List.of(48, 55, 64, 72), List.of(48, 55, 65, 74)),
                RollFormat.soundingPitches(1));

        PianoRoll satb = Voices.split(chords, 4);

        assertEquals(List.of(new Note(72, 0, 960, 80), new Note(74, 960, 960, 80)), satb.toNotes(0, 0, 80, 0));
        assertEquals(List.of(new Note(48, 0, 1920, 80)), satb.toNotes(3, 0, 80, 0), "the held bass stays one note");
    }
}
