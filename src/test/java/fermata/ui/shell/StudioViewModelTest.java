package fermata.ui.shell;

import fermata.core.edit.MoveTrack;
import fermata.core.edit.RenameTrack;
import fermata.core.edit.TransposeNotes;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudioViewModelTest {
    static Project twoTracks() {
        MidiTrack lead = new MidiTrack("lead", "Lead", new Instrument(73, 0, 0, 0), MixerSettings.UNITY,
                List.of(new MidiClip("c1", 0, 3840, List.of(new Note(72, 0, 480, 90), new Note(74, 480, 480, 90)))));
        MidiTrack drums = new MidiTrack("drums", "Drums", new Instrument(0, 0, 0, 9), MixerSettings.UNITY.withGainDb(-3),
                List.of(new MidiClip("c2", 0, 3840, List.of(new Note(36, 0, 120, 110)))));
        return Project.empty("Demo").withTracks(List.of(lead, drums));
    }

    @Test
    void rowsFollowEditsUndoAndRedo() {
        StudioViewModel vm = new StudioViewModel(twoTracks(), null);
        assertEquals(List.of("Lead", "Drums"), vm.tracks().stream().map(StudioViewModel.TrackRow::name).toList());
        assertEquals("Flute", vm.tracks().get(0).source());
        assertEquals("Drums", vm.tracks().get(1).source());
        assertFalse(vm.canUndoProperty().get());
        assertEquals("Demo — Fermata Studio", vm.titleProperty().get());

        assertTrue(vm.execute(new RenameTrack("lead", "Melody")));
        assertTrue(vm.execute(new MoveTrack("drums", 0)));
        assertEquals(List.of("Drums", "Melody"), vm.tracks().stream().map(StudioViewModel.TrackRow::name).toList());
        assertTrue(vm.titleProperty().get().startsWith("• "), "unsaved changes show in the title");

        vm.undo();
        vm.undo();
        assertEquals(List.of("Lead", "Drums"), vm.tracks().stream().map(StudioViewModel.TrackRow::name).toList());
        assertFalse(vm.canUndoProperty().get());
        assertTrue(vm.canRedoProperty().get());
        vm.redo();
        assertEquals("Melody", vm.tracks().get(0).name());
    }

    @Test
    void aCommandThatDoesNotFitIsReportedAndChangesNothing() {
        StudioViewModel vm = new StudioViewModel(twoTracks(), null);
        Project before = vm.project();
        assertFalse(vm.execute(new TransposeNotes("lead", "c1", List.of(new Note(72, 0, 480, 90)), 100)));
        assertEquals(before, vm.project());
        assertTrue(vm.statusProperty().get().contains("leaves the MIDI range"), vm.statusProperty().get());
    }

    @Test
    void recoveredWorkCountsAsUnsaved() {
        StudioViewModel vm = new StudioViewModel(Project.empty("x"), null);
        vm.openUnsaved(twoTracks(), java.nio.file.Path.of("song.fermata"));
        assertTrue(vm.history().isDirty());
        assertTrue(vm.titleProperty().get().startsWith("• "));
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void aFaderDragIsOneUndoStepAndMuteSoloPanAndProgramAreEdits() {
        StudioViewModel vm = new StudioViewModel(twoTracks(), null);
        Project before = vm.project();
        vm.beginGesture("Volume");
        for (double db = -1; db >= -6; db -= 1) {
            vm.setGainDb("lead", db);
        }
        vm.endGesture();
        assertEquals(-6, vm.tracks().get(0).gainDb(), 1e-9);
        assertEquals(1, vm.history().undoDepth(), "the whole drag is one step");
        vm.setGainDb("lead", 500);
        assertEquals(MixerSettings.MAX_GAIN_DB, vm.tracks().get(0).gainDb(), 1e-9, "clamped to the fader's range");
        vm.setMute("lead", true);
        vm.setSolo("drums", true);
        vm.setPan("lead", -0.5);
        vm.setProgram("lead", 40);
        assertTrue(vm.tracks().get(0).mute());
        assertTrue(vm.tracks().get(1).solo());
        assertEquals(-0.5, vm.tracks().get(0).pan(), 1e-9);
        assertEquals("Violin", vm.tracks().get(0).source());
        assertEquals(-1, vm.tracks().get(1).program(), "drums have no program to pick");
        for (int i = 0; i < 6; i++) {
            vm.undo();
        }
        assertEquals(before, vm.project());
    }

    @Test
    void addedTracksGetFreshIdsAndAFreeChannelAndRemoveUndoes() {
        StudioViewModel vm = new StudioViewModel(twoTracks(), null);
        String midi = vm.addMidiTrack();
        String audio = vm.addAudioTrack();
        assertEquals(4, vm.tracks().size());
        MidiTrack added = (MidiTrack) vm.project().track(midi);
        assertEquals(1, added.instrument().channel(), "channel 0 is the lead's, 9 is for drums");
        assertEquals("Audio", vm.tracks().get(3).kind());
        assertEquals(audio, vm.tracks().get(3).id());
        vm.moveTrack(audio, -10);
        assertEquals(audio, vm.tracks().get(0).id());
        vm.removeTrack(midi);
        assertEquals(3, vm.tracks().size());
        vm.undo();
        vm.undo();
        assertEquals(midi, vm.tracks().get(2).id());
    }

    @Test
    void importingMidiTracksAddsThemAsOneEditAndTakesTheTempoIntoAnEmptyProject() {
        Project file = twoTracks().withTempoMap(fermata.core.model.TempoMap.constant(90));
        StudioViewModel empty = new StudioViewModel(Project.empty("New"), null);
        empty.importTracks(file, "Import song.mid");
        assertEquals(2, empty.tracks().size());
        assertEquals(90, 60_000_000.0 / empty.project().tempoMap().tempoAt(0).microsPerQuarter(), 1e-3);
        assertEquals(1, empty.history().undoDepth());

        StudioViewModel busy = new StudioViewModel(twoTracks(), null);
        busy.importTracks(file, "Import song.mid");
        assertEquals(4, busy.tracks().size());
        assertEquals(2, busy.tracks().stream().map(StudioViewModel.TrackRow::id).filter(id -> id.equals("lead")
                || id.equals("drums")).count(), "clashing ids are replaced, the originals stay");
        assertEquals(120, 60_000_000.0 / busy.project().tempoMap().tempoAt(0).microsPerQuarter(), 1e-3,
                "the open project keeps its tempo");
        busy.undo();
        assertEquals(twoTracks(), busy.project());
    }
}
