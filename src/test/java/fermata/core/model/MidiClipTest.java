package fermata.core.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MidiClipTest {

    @Test
    void notesAreKeptSortedWhateverTheInputOrder() {
        MidiClip clip = new MidiClip("c", 0, 3840, List.of(new Note(64, 960, 480, 90), new Note(60, 0, 480, 90),
                new Note(62, 480, 480, 90)));
        assertEquals(List.of(60, 62, 64), clip.notes().stream().map(Note::pitch).toList());
    }

    @Test
    void rangeQueryFindsHeldNotesAndMatchesABruteForceScan() {
        Random random = new Random(3);
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            notes.add(new Note(30 + random.nextInt(60), random.nextInt(200_000), 1 + random.nextInt(4_000),
                    1 + random.nextInt(127)));
        }
        MidiClip clip = new MidiClip("c", 0, 200_000, notes);
        long max = clip.maxNoteLength();
        for (int probe = 0; probe < 100; probe++) {
            long from = random.nextInt(200_000);
            long to = from + random.nextInt(10_000);
            List<Note> expected = clip.notes().stream().filter(n -> n.startTick() < to && n.endTick() > from).toList();
            assertEquals(expected, clip.notesBetween(from, to, max));
        }
    }

    @Test
    void removingAMissingNoteFails() {
        MidiClip clip = new MidiClip("c", 0, 960, List.of(new Note(60, 0, 480, 90)));
        assertThrows(IllegalArgumentException.class, () -> clip.withoutNotes(List.of(new Note(61, 0, 480, 90))));
    }

    @Test
    void noteRejectsValuesMidiCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new Note(128, 0, 1, 64));
        assertThrows(IllegalArgumentException.class, () -> new Note(60, 0, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new Note(60, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Note(60, -1, 1, 64));
    }

    @Test
    void keySignatureLabels() {
        assertEquals("D minor", new KeySignature(0, -1, true).label());
        assertEquals("F# major", new KeySignature(0, 6, false).label());
        assertEquals(2, new KeySignature(0, -1, true).tonicPitchClass());
        assertEquals(6, new KeySignature(0, 6, false).tonicPitchClass());
    }
}
