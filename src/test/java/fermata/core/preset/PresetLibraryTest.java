package fermata.core.preset;

import fermata.core.edit.History;
import fermata.core.error.BadInputException;
import fermata.core.mix.DenoiseSettings;
import fermata.core.model.Instrument;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.project.UserData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetLibraryTest {
    @Test
    void everyShippedPresetLoads(@TempDir Path home) throws Exception {
        UserData user = new UserData(home);
        for (PresetLibrary<?> library : List.of(DenoisePreset.LIBRARY, StylePreset.LIBRARY, LayoutPreset.LIBRARY)) {
            Map<String, ?> all = library.all(user);
            assertEquals(library.builtInNames(), List.copyOf(all.keySet()), library.kind());
        }
    }

    @Test
    void shippedFolderHoldsExactlyTheListedPresets() throws Exception {
        for (PresetLibrary<?> library : List.of(DenoisePreset.LIBRARY, StylePreset.LIBRARY, LayoutPreset.LIBRARY)) {
            try (var files = Files.list(Path.of("presets", library.kind()))) {
                List<String> names = files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList();
                assertEquals(library.builtInNames().stream().sorted().toList(), names,
                        "presets/" + library.kind() + " and the built-in list agree");
            }
        }
    }

    @Test
    void denoisePresetsMapToTheDenoiserOptions() {
        assertEquals(DenoiseSettings.defaults(), DenoisePreset.LIBRARY.builtIn(DenoisePreset.STANDARD).settings());
        DenoiseSettings gentle = DenoisePreset.LIBRARY.builtIn("gentle").settings();
        assertEquals(DenoiseSettings.Method.MMSE_LSA, gentle.method());
        assertEquals(12, gentle.reductionDb());
        assertTrue(gentle.removeHum());
        assertFalse(gentle.removeClicks());
        DenoiseSettings strong = DenoisePreset.LIBRARY.builtIn("strong").settings();
        assertEquals(30, strong.reductionDb());
        assertTrue(strong.removeClicks());
        DenoiseSettings humOnly = DenoisePreset.LIBRARY.builtIn("hum-only").settings();
        assertEquals(0, humOnly.reductionDb(), "no broadband reduction");
        assertTrue(humOnly.removeHum());
        assertEquals(DenoiseSettings.gate().withClickRemoval(true), DenoisePreset.LIBRARY.builtIn("vinyl").settings());
    }

    @Test
    void aUserPresetOverridesTheShippedOneAndAddsNewOnes(@TempDir Path home) throws Exception {
        UserData user = new UserData(home);
        Path folder = DenoisePreset.LIBRARY.userFolder(user);
        assertEquals(home.resolve("presets/denoise"), folder);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("gentle.json"), "{\"reduction_db\": 6, \"method\": \"stsa\"}");
        Files.writeString(folder.resolve("Podcast-Room.json"), "{\"reduction_db\": 20, \"remove_hum\": false}");
        Map<String, DenoisePreset> all = DenoisePreset.LIBRARY.all(user);
        assertEquals(6, all.get("gentle").settings().reductionDb());
        assertEquals(DenoiseSettings.Method.MMSE_STSA, all.get("gentle").settings().method());
        assertFalse(DenoisePreset.LIBRARY.require("podcast-room", user).settings().removeHum());
        assertEquals(DenoiseSettings.defaults().withReductionDb(20).withHumRemoval(false),
                all.get("podcast-room").settings(), "missing fields take the defaults");
        assertEquals(7, all.size(), "six shipped, one added");
    }

    @Test
    void aBadUserPresetIsOneErrorNamingTheFile(@TempDir Path home) throws Exception {
        UserData user = new UserData(home);
        Path styles = StylePreset.LIBRARY.userFolder(user);
        Files.createDirectories(styles);
        Path broken = Files.writeString(styles.resolve("broken.json"), "{\"tempo\": 90,");
        BadInputException notJson = assertThrows(BadInputException.class, () -> StylePreset.LIBRARY.all(user));
        assertTrue(notJson.getMessage().contains(broken.toString()), notJson.getMessage());
        Files.writeString(broken, "{\"tempo\": \"fast\"}");
        BadInputException wrongType = assertThrows(BadInputException.class, () -> StylePreset.LIBRARY.all(user));
        assertTrue(wrongType.getMessage().contains(broken.toString()) && wrongType.getMessage().contains("tempo"),
                wrongType.getMessage());
        Files.writeString(broken, "{\"voices\": 40}");
        BadInputException outOfRange = assertThrows(BadInputException.class, () -> StylePreset.LIBRARY.all(user));
        assertTrue(outOfRange.getMessage().contains(broken.toString()) && outOfRange.getMessage().contains("voices"),
                outOfRange.getMessage());
        Files.writeString(broken, "{\"key\": \"H sharp dorian\"}");
        BadInputException badKey = assertThrows(BadInputException.class, () -> StylePreset.LIBRARY.all(user));
        assertTrue(badKey.getMessage().contains(broken.toString()) && badKey.getMessage().contains("field key"),
                badKey.getMessage());

        Path layouts = LayoutPreset.LIBRARY.userFolder(user);
        Files.createDirectories(layouts);
        Path badProgram = Files.writeString(layouts.resolve("odd.json"), "{\"tracks\": [{\"name\": \"X\", \"program\": 300}]}");
        BadInputException program = assertThrows(BadInputException.class, () -> LayoutPreset.LIBRARY.all(user));
        assertTrue(program.getMessage().contains(badProgram.toString()) && program.getMessage().contains("program"),
                program.getMessage());
    }

    @Test
    void anUnknownNameListsTheAvailableOnes(@TempDir Path home) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> LayoutPreset.LIBRARY.require("marching-band", new UserData(home)));
        assertTrue(e.getMessage().contains("marching-band"), e.getMessage());
        assertTrue(e.getMessage().contains("piano-solo, string-quartet, jazz-trio, rock-band, satb-choir"), e.getMessage());
    }

    @Test
    void stylesCarryTheirSettings() {
        StylePreset hymn = StylePreset.LIBRARY.builtIn("hymn");
        assertEquals("G major", hymn.key());
        assertEquals(72, hymn.tempo());
        assertEquals(16, hymn.bars());
        assertEquals(4, hymn.voices());
        assertEquals("tcn-jsb.zip", hymn.model());
        assertEquals(null, StylePreset.LIBRARY.builtIn("chorale").key(), "the chorale leaves the key free");
    }

    @Test
    void aLayoutBecomesOneUndoableEditOfEmptyTracks() {
        Project start = Project.empty("song");
        MidiTrack existing = new MidiTrack("track-keep", "Keep", Instrument.PIANO, fermata.core.model.MixerSettings.UNITY, List.of());
        start = start.withTracks(List.of(existing));
        History history = new History(start);
        LayoutPreset rock = LayoutPreset.LIBRARY.builtIn("rock-band");
        history.execute(rock.toEdit(history.current()));
        Project after = history.current();
        assertEquals(7, after.tracks().size());
        assertEquals("Keep", after.tracks().get(0).name(), "the layout appends");
        MidiTrack drums = (MidiTrack) after.tracks().get(1);
        assertEquals("Drums", drums.name());
        assertEquals(Instrument.DRUM_CHANNEL, drums.instrument().channel());
        MidiTrack bass = (MidiTrack) after.tracks().get(2);
        assertEquals(33, bass.instrument().program());
        assertEquals(0, bass.instrument().channel(), "the first melodic track takes channel 1");
        assertEquals(-2, bass.mixer().gainDb());
        MidiTrack rhythm = (MidiTrack) after.tracks().get(3);
        assertEquals(1, rhythm.instrument().channel());
        assertEquals(-0.5, rhythm.mixer().pan());
        assertEquals(7, after.tracks().stream().map(t -> t.id()).distinct().count(), "fresh ids");
        assertTrue(after.tracks().stream().skip(1).allMatch(t -> ((MidiTrack) t).clips().isEmpty()));
        history.undo();
        assertEquals(List.of(existing), history.current().tracks(), "one undo removes the whole layout");
    }

    @Test
    void layoutChannelsSkipTheDrumChannel() {
        LayoutPreset quartet = LayoutPreset.LIBRARY.builtIn("string-quartet");
        assertEquals(List.of(0, 1, 2, 3), quartet.parts().stream().map(p -> p.instrument().channel()).toList());
        assertNotEquals(quartet.parts().get(0).pan(), quartet.parts().get(3).pan());
    }
}
