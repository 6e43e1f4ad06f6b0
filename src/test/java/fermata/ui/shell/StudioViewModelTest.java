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
}
