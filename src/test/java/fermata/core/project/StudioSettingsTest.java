package fermata.core.project;

import fermata.core.engine.SynthEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudioSettingsTest {
    @TempDir
    Path home;

    @Test
    void theFirstStartHasDefaultsAndLaterStartsReadWhatWasSaved() throws Exception {
        UserData data = new UserData(home);
        StudioSettings first = StudioSettings.load(data);
        assertTrue(first.firstStart());
        assertTrue(first.darkTheme());

        Path song = Files.createFile(home.resolve("song.fermata"));
        Path sf2 = home.resolve("piano.sf2");
        assertEquals(SynthEngine.FERMATA, first.synth());
        first.started().withRecent(song).withPreferences(false, Optional.of(sf2), SynthEngine.GERVILL, 44_100, 256, 120, true,
                Optional.of("USB Audio"), java.util.List.of(home.resolve("Music"))).save(data);
        StudioSettings later = StudioSettings.load(data);
        assertFalse(later.firstStart());
        assertFalse(later.darkTheme());
        assertEquals(256, later.bufferFrames());
        assertEquals(44_100, later.sampleRate());
        assertEquals(120, later.autosaveSeconds());
        assertTrue(later.preferCuda());
        assertEquals(Optional.of("USB Audio"), later.audioDevice());
        assertEquals(java.util.List.of(home.resolve("Music")), later.libraryFolders());
        assertEquals(Optional.of(sf2), later.soundFont());
        assertEquals(SynthEngine.GERVILL, later.synth());
        assertTrue(Files.readString(data.settings().resolve("studio.json")).contains("\"settingsVersion\" : 1"));
        assertEquals(java.util.List.of(song.toAbsolutePath().normalize()), later.existingRecentFiles());
    }

    @Test
    void recentFilesAreMostRecentFirstWithoutDuplicatesAndCapped() throws Exception {
        StudioSettings s = StudioSettings.DEFAULTS;
        for (int i = 0; i < 15; i++) {
            s = s.withRecent(home.resolve("p" + i + ".fermata"));
        }
        s = s.withRecent(home.resolve("p7.fermata"));
        assertEquals(StudioSettings.MAX_RECENT, s.recentFiles().size());
        assertEquals(home.resolve("p7.fermata"), s.recentFiles().get(0));
        assertEquals(home.resolve("p14.fermata"), s.recentFiles().get(1));
        assertEquals(1, s.recentFiles().stream().filter(p -> p.endsWith("p7.fermata")).count());
        assertTrue(s.existingRecentFiles().isEmpty(), "files that do not exist are not offered");
    }

    @Test
    void aDamagedFileGivesDefaultsWithoutTheDemoAgain() throws Exception {
        UserData data = new UserData(home);
        Files.createDirectories(data.settings());
        Files.writeString(data.settings().resolve("studio.json"), "{\"darkTheme\": fal");
        StudioSettings s = StudioSettings.load(data);
        assertTrue(s.darkTheme());
        assertFalse(s.firstStart());
        Files.writeString(data.settings().resolve("studio.json"),
                "{\"bufferFrames\": 3, \"sampleRate\": 1, \"autosaveSeconds\": 0, \"future\": 1, \"synth\": \"moog\"}");
        StudioSettings odd = StudioSettings.load(data);
        assertEquals(StudioSettings.DEFAULT_BUFFER_FRAMES, odd.bufferFrames());
        assertEquals(48_000, odd.sampleRate());
        assertEquals(60, odd.autosaveSeconds());
        assertEquals(SynthEngine.FERMATA, odd.synth(), "an unknown synthesizer falls back to the default");
    }
}
