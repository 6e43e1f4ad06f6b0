package fermata.ui.mixer;

import fermata.core.edit.History;
import fermata.core.mix.StemRole;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.media.AudioFiles;
import fermata.core.project.UserData;
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
    void theUsersOwnPresetsAreOfferedAndUsed(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("presets"));
        Files.writeString(home.resolve("presets/loud.json"), Files.readString(Path.of("presets/streaming.json"))
                .replace("\"streaming\"", "\"loud\"").replace("-14.0", "-11.0"));
        History history = new History(MixProjects.band(dir));
        MixPanelViewModel model = model(history, dir);
        model.loadPresets(new UserData(home));
        assertEquals(List.of("streaming", "apple-music", "ebu-r128", "club", "podcast", "loud"), model.presetNames());
        assertEquals(List.of("standard", "gentle", "voice", "strong", "hum-only", "vinyl"), model.denoisePresetNames());
        model.presetProperty().set("loud");
        model.automix();
        assertEquals(-11, model.meterLufsProperty().get(), 0.5, model.statusProperty().get());

        model.selectedTrackProperty().set("t2");
        model.denoisePresetProperty().set("hum-only");
        model.denoise();
        double humOnly = rms(history);
        history.undo();
        model.denoisePresetProperty().set("strong");
        model.denoise();
        double strong = rms(history);
        // The melody is nearly clean, so the difference is small; with one preset used for both it would be none.
        assertTrue(strong < humOnly * 0.99, "strong (30 dB) takes off more than hum-only (0 dB): " + strong + " vs " + humOnly);
    }

    @Test
    void aBrokenUserPresetKeepsTheShippedOnesAndSaysWhichFile(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path broken = Files.writeString(Files.createDirectories(home.resolve("presets/denoise")).resolve("odd.json"), "{");
        MixPanelViewModel model = model(new History(MixProjects.band(dir)), dir);
        model.loadPresets(new UserData(home));
        assertEquals(6, model.denoisePresetNames().size());
        assertTrue(model.statusProperty().get().contains(broken.toString()), model.statusProperty().get());
    }

    private static double rms(History history) throws Exception {
        AudioTrack melody = history.current().audioTrack("t2");
        MediaRef cleaned = history.current().mediaById(melody.clips().get(0).mediaId()).orElseThrow();
        float[] left = AudioFiles.readAll(Path.of(cleaned.path()), 600).samples()[0];
        double sum = 0;
        for (float v : left) {
            sum += v * v;
        }
        return Math.sqrt(sum / left.length);
    }

    @Test
    void denoiseWithoutATrackSaysWhatToDo(@TempDir Path dir) throws Exception {
        MixPanelViewModel model = model(new History(MixProjects.band(dir)), dir);
        assertEquals(null, model.denoise());
        assertTrue(model.statusProperty().get().contains("choose an audio track"));
    }
}
