package fermata.ui.shell;

import fermata.core.engine.SynthEngine;
import fermata.core.project.StudioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferencesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void validChoicesBecomeSettingsAndAudioChangesAreRecognised() throws Exception {
        Path sf2 = Files.createFile(dir.resolve("Piano.sf2"));
        Path music = Files.createDirectory(dir.resolve("Music"));
        PreferencesViewModel vm = new PreferencesViewModel(StudioSettings.DEFAULTS, List.of("USB Audio", "HDMI"));
        assertEquals(PreferencesViewModel.SYSTEM_DEFAULT, vm.deviceProperty().get());
        assertEquals("10.7 ms", vm.latencyText());
        vm.deviceProperty().set("USB Audio");
        vm.bufferFramesProperty().set(256);
        vm.soundFontProperty().set(sf2.toString());
        vm.libraryFolders().add(music);
        vm.darkThemeProperty().set(false);
        assertEquals(SynthEngine.FERMATA, vm.synthProperty().get());
        vm.synthProperty().set(SynthEngine.GERVILL);
        assertTrue(vm.validate().isEmpty());
        StudioSettings next = vm.result(StudioSettings.DEFAULTS);
        assertEquals(Optional.of("USB Audio"), next.audioDevice());
        assertEquals(Optional.of(sf2), next.soundFont());
        assertEquals(List.of(music), next.libraryFolders());
        assertFalse(next.darkTheme());
        assertEquals(SynthEngine.GERVILL, next.synth());
        assertTrue(PreferencesViewModel.audioChanged(StudioSettings.DEFAULTS, next));
        PreferencesViewModel synthOnly = new PreferencesViewModel(StudioSettings.DEFAULTS, List.of());
        synthOnly.synthProperty().set(SynthEngine.GERVILL);
        assertTrue(PreferencesViewModel.audioChanged(StudioSettings.DEFAULTS, synthOnly.result(StudioSettings.DEFAULTS)),
                "another synthesizer reopens the engine");
        assertFalse(PreferencesViewModel.audioChanged(next, next.withDarkTheme(true)));
    }

    @Test
    void wrongChoicesAreNamedAndNothingIsAccepted() throws Exception {
        Path notSf2 = Files.createFile(dir.resolve("notes.txt"));
        PreferencesViewModel vm = new PreferencesViewModel(StudioSettings.DEFAULTS, List.of());
        vm.soundFontProperty().set(notSf2.toString());
        vm.libraryFolders().add(dir.resolve("gone"));
        vm.autosaveSecondsProperty().set(1);
        String problem = vm.validate().orElseThrow();
        assertTrue(problem.contains("is not an .sf2 file"), problem);
        assertTrue(problem.contains("gone does not exist"), problem);
        assertTrue(problem.contains("autosave"), problem);
        assertEquals(problem, vm.problemProperty().get());
        vm.soundFontProperty().set(dir.resolve("missing.sf2").toString());
        assertTrue(vm.validate().orElseThrow().contains("does not exist"));
    }

    @Test
    void aDeviceThatIsGoneFallsBackToTheSystemDefault() {
        StudioSettings withDevice = StudioSettings.DEFAULTS.withPreferences(true, Optional.empty(), SynthEngine.FERMATA,
                48_000, 512, 60,
                false, Optional.of("Unplugged"), List.of());
        PreferencesViewModel vm = new PreferencesViewModel(withDevice, List.of("HDMI"));
        assertEquals(PreferencesViewModel.SYSTEM_DEFAULT, vm.deviceProperty().get());
    }
}
