package fermata.ui.mixer;

import fermata.core.edit.History;
import fermata.core.mix.StemRole;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.task.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixPanelViewModelTest {
    private static MixPanelViewModel model(History history, Path dir) {
        return new MixPanelViewModel(history, TaskExecutor.sameThread(), Runnable::run, (MediaRef ref) -> Path.of(ref.path()),
                dir.resolve("user"));
    }

    @Test
    void automixAppliesOneUndoableStepAndListsEveryDecision(@TempDir Path dir) throws Exception {
        Project band = MixProjects.band(dir);
        History history = new History(band);
        MixPanelViewModel model = model(history, dir);
        model.presetProperty().set("ebu-r128");
        model.automix();
        assertFalse(model.busyProperty().get());
        assertEquals(1, history.undoDepth(), model.statusProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Mixed 3 tracks to ebu-r128"), model.statusProperty().get());
        assertNotEquals(band.track("t0").mixer(), history.current().track("t0").mixer());
        assertTrue(model.decisions().stream().anyMatch(r -> r.stem().equals("Kick") && r.role() == StemRole.DRUMS));
        assertTrue(model.decisions().stream().anyMatch(r -> r.stem().equals("Master") && r.decision().startsWith("true-peak")));
        assertTrue(model.decisions().stream().allMatch(r -> !r.reason().isBlank()));
        assertEquals(-23, model.meterLufsProperty().get(), 0.5);
        history.undo();
        assertEquals(band, history.current());
    }

    @Test
    void abComparesWithThePlainSumAtTheSameLoudness(@TempDir Path dir) throws Exception {
        MixPanelViewModel model = model(new History(MixProjects.band(dir)), dir);
        model.automix();
        double automixLufs = model.meterLufsProperty().get();
        float[][] a = model.selectedVersion().samples();
        model.listeningToAutomixProperty().set(false);
        assertEquals(automixLufs, model.meterLufsProperty().get(), 0.5, "B plays at A's loudness");
        assertNotEquals(a, model.selectedVersion().samples());
        model.listeningToAutomixProperty().set(true);
        assertEquals(automixLufs, model.meterLufsProperty().get());
    }

    @Test
    void aRoleCorrectionMixesAgainAsAnotherUndoStep(@TempDir Path dir) throws Exception {
        History history = new History(MixProjects.band(dir));
        MixPanelViewModel model = model(history, dir);
        model.automix();
        model.correctRole("t2", StemRole.KEYS);
        assertEquals(2, history.undoDepth());
        assertEquals(StemRole.KEYS, model.plan().stem("t2").orElseThrow().role());
        assertEquals("set by the user", model.plan().stem("t2").orElseThrow().roleReason());
    }

    @Test
    void denoiseSwapsInACleanedCopyAndUndoBringsTheOriginalBack(@TempDir Path dir) throws Exception {
        Project band = MixProjects.band(dir);
        History history = new History(band);
        MixPanelViewModel model = model(history, dir);
        model.selectedTrackProperty().set("t2");
        model.denoise();
        assertEquals(1, history.undoDepth(), model.statusProperty().get());
        AudioTrack melody = history.current().audioTrack("t2");
        MediaRef cleaned = history.current().mediaById(melody.clips().get(0).mediaId()).orElseThrow();
        assertTrue(Files.isRegularFile(Path.of(cleaned.path())));
        assertNotEquals("m2", cleaned.id());
        assertEquals(band.audioTrack("t2").clips().get(0).positionFrame(), melody.clips().get(0).positionFrame());
        history.undo();
        assertEquals(band.audioTrack("t2"), history.current().audioTrack("t2"));
    }

    @Test
    void aPreviewPlaysTheDenoisedSongWithoutEditingItAndApplyKeepsExactlyThat(@TempDir Path dir) throws Exception {
        Project band = MixProjects.band(dir);
        History history = new History(band);
        MixPanelViewModel model = model(history, dir);
        List<Project> previewed = new ArrayList<>();
        model.setPreviewHook(previewed::add);
        model.selectedTrackProperty().set("t2");
        model.previewDenoise();
        assertEquals(0, history.undoDepth(), "a preview changes nothing");
        assertEquals(1, previewed.size());
        assertTrue(model.denoisePreviewedProperty().get());
        model.denoise();
        assertEquals(1, history.undoDepth());
        assertEquals(previewed.get(0), history.current(), "what is applied is what was heard");
        assertTrue(!model.denoisePreviewedProperty().get());
    }

    @Test
    void denoiseWithoutATrackSaysWhatToDo(@TempDir Path dir) throws Exception {
        MixPanelViewModel model = model(new History(MixProjects.band(dir)), dir);
        assertEquals(null, model.denoise());
        assertTrue(model.statusProperty().get().contains("choose an audio track"));
    }
}
