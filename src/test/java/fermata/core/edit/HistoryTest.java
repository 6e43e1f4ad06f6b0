package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.Instrument;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {
    private static final Note C = new Note(60, 0, 480, 100);
    private static final Note E = new Note(64, 480, 480, 100);

    static Project song() {
        MidiTrack piano = new MidiTrack("piano", "Piano", Instrument.PIANO, MixerSettings.UNITY,
                List.of(new MidiClip("clip", 0, 3840, List.of(C, E))));
        AudioTrack vocals = new AudioTrack("vox", "Vocals", MixerSettings.UNITY, List.of());
        return Project.empty("Song").withTracks(List.of(piano, vocals));
    }

    private static List<Note> notes(Project p) {
        return p.midiTrack("piano").clip("clip").notes();
    }

    @Test
    void everyNoteCommandUndoesToTheIdenticalProject() {
        Project start = song();
        List<EditCommand> commands = List.of(
                new AddNotes("piano", "clip", List.of(new Note(67, 960, 240, 80))),
                new RemoveNotes("piano", "clip", List.of(C)),
                new MoveNotes("piano", "clip", List.of(C), 120, 2),
                new ResizeNotes("piano", "clip", List.of(E), -240),
                SetVelocity.all("piano", "clip", List.of(C, E), 40),
                new TransposeNotes("piano", "clip", List.of(C, E), 12),
                new QuantizeNotes("piano", "clip", List.of(E), 960, 1.0, 0.0),
                new HumanizeNotes("piano", "clip", List.of(C, E), 20, 10, 1),
                new ReplaceNotes("piano", "clip", List.of(E), List.of(E.withPitch(65).withVelocity(30))),
                new RenameTrack("piano", "Keys"),
                new MoveTrack("piano", 1),
                new SetInstrument("piano", new Instrument(40, 0, 0, 1)),
                new SetMixer("piano", MixerSettings.UNITY.withGainDb(-6).withPan(-0.5)),
                SetMixer.master(MixerSettings.UNITY.withGainDb(-1)),
                new SetTempo(Tempo.ofBpm(1920, 90)),
                new SetTimeSignature(new TimeSignature(3840, 3, 4)),
                new RemoveTrack("vox"));
        for (EditCommand c : commands) {
            History h = new History(start);
            Project after = h.execute(c);
            assertFalse(after.equals(start), c.label() + " changed nothing");
            assertSame(start, h.undo());
            assertEquals(after, h.redo());
        }
    }

    @Test
    void moveTransposeAndResizeDoWhatTheySay() {
        History h = new History(song());
        h.execute(new MoveNotes("piano", "clip", List.of(C), 960, -1));
        assertTrue(notes(h.current()).contains(new Note(59, 960, 480, 100)));
        h.execute(new ResizeNotes("piano", "clip", List.of(E), -1000));
        assertTrue(notes(h.current()).contains(new Note(64, 480, 1, 100)), "resize never goes below one tick");
        assertThrows(IllegalArgumentException.class,
                () -> h.execute(new TransposeNotes("piano", "clip", List.of(new Note(59, 960, 480, 100)), 80)));
        assertEquals(2, h.undoDepth(), "a failed command leaves no step");
    }

    @Test
    void quantizeAppliesStrengthAndSwing() {
        Note late = new Note(60, 1000, 100, 90);
        Note offBeat = new Note(62, 470, 100, 90);
        Project p = song();
        Project withNotes = new AddNotes("piano", "clip", List.of(late, offBeat)).apply(p);
        Project half = new QuantizeNotes("piano", "clip", List.of(late), 960, 0.5, 0).apply(withNotes);
        assertTrue(notes(half).contains(late.withStart(980)));
        Project swung = new QuantizeNotes("piano", "clip", List.of(offBeat), 480, 1.0, 1.0).apply(withNotes);
        assertTrue(notes(swung).contains(offBeat.withStart(480 + 160)), "full swing puts the off-beat on the triplet");
    }

    @Test
    void aGestureIsOneUndoStep() {
        Project start = song();
        History h = new History(start);
        h.beginGesture("Drag notes");
        Note moving = C;
        for (int i = 0; i < 10; i++) {
            h.execute(new MoveNotes("piano", "clip", List.of(moving), 10, 0));
            moving = moving.withStart(moving.startTick() + 10);
        }
        h.endGesture();
        assertEquals(1, h.undoDepth());
        assertEquals("Drag notes", h.undoLabel());
        assertTrue(notes(h.current()).contains(C.withStart(100)));
        assertSame(start, h.undo());
        assertTrue(notes(h.redo()).contains(C.withStart(100)));
    }

    @Test
    void cancelledGestureRestoresTheStart() {
        Project start = song();
        History h = new History(start);
        h.beginGesture("Drag");
        h.execute(new MoveNotes("piano", "clip", List.of(C), 10, 0));
        h.cancelGesture();
        assertSame(start, h.current());
        assertFalse(h.canUndo());
    }

    @Test
    void newEditClearsRedoAndDirtyFollowsSaves() {
        History h = new History(song());
        assertFalse(h.isDirty());
        h.execute(new RenameTrack("piano", "A"));
        assertTrue(h.isDirty());
        h.markSaved();
        assertFalse(h.isDirty());
        h.undo();
        assertTrue(h.isDirty());
        h.execute(new RenameTrack("piano", "B"));
        assertFalse(h.canRedo());
    }

    @Test
    void budgetReleasesOldestStepsAndCountsThem() {
        List<Note> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new Note(40 + i % 40, i * 10L, 5, 64));
        }
        Project start = new AddNotes("piano", "clip", many).apply(song());
        History h = new History(start, 2_000_000);
        for (int i = 0; i < 20; i++) {
            h.execute(new AddNotes("piano", "clip", List.of(new Note(90, i, 1, 64))));
        }
        assertTrue(h.releasedSteps() > 0, "big steps past the budget are released");
        assertTrue(h.usedBytes() <= 2_000_000);
        assertEquals(20, h.undoDepth() + h.releasedSteps());
    }

    @Test
    void smallEditsOnABigProjectShareStructure() {
        List<Note> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new Note(40 + i % 40, i * 10L, 5, 64));
        }
        Project start = new AddNotes("piano", "clip", many).apply(song());
        History h = new History(start);
        h.execute(new RenameTrack("vox", "Lead vocal"));
        assertSame(start.track("piano"), h.current().track("piano"));
        assertTrue(h.usedBytes() < 2_000, "a rename does not cost the piano's notes, used " + h.usedBytes());
    }

    @Test
    void audioClipsMoveTrimAndRemove() {
        MediaRef media = new MediaRef("m1", "audio/take.wav", "0".repeat(64), 96_000, 48_000, 2);
        Project p = new AddAudioClip("vox", new AudioClip("a1", "m1", 48_000, 96_000), media).apply(song());
        assertEquals(1, p.media().size());
        p = new MoveAudioClip("vox", "a1", 24_000).apply(p);
        assertEquals(24_000, p.audioTrack("vox").clip("a1").positionFrame());
        p = new TrimAudioClip("vox", "a1", 12_000, 48_000).apply(p);
        AudioClip trimmed = p.audioTrack("vox").clip("a1");
        assertEquals(36_000, trimmed.positionFrame(), "trimming the start keeps the audio in place");
        assertEquals(12_000, trimmed.sourceOffsetFrame());
        assertEquals(48_000, trimmed.lengthFrames());
        Project past = p;
        assertThrows(IllegalArgumentException.class, () -> new TrimAudioClip("vox", "a1", 90_000, 48_000).apply(past));
        p = new RemoveAudioClip("vox", "a1").apply(p);
        assertTrue(p.audioTrack("vox").clips().isEmpty());
    }
}
