package fermata.core.mix;

import fermata.core.error.BadInputException;
import fermata.core.project.UserData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixPresetsTest {
    @Test
    void theShippedPresetsHaveTheirTargets() throws Exception {
        Map<String, MixPreset> all = MixPresets.all(new UserData(Path.of("no-such-user-folder")));
        assertEquals(MixPresets.BUILT_IN, all.keySet().stream().toList());
        assertTarget(all.get("streaming"), -14, -1);
        assertTarget(all.get("apple-music"), -16, -1);
        assertTarget(all.get("ebu-r128"), -23, -1);
        assertTarget(all.get("club"), -9, -0.3);
        assertTarget(all.get("podcast"), -16, -1);
        assertTrue(all.get("podcast").monoSafe());
    }

    @Test
    void theRepositoryFolderAndTheJarResourcesAgree() throws Exception {
        for (String name : MixPresets.BUILT_IN) {
            assertEquals(MixPresets.builtIn(name), MixPresets.read(Path.of("presets", name + ".json")), name);
        }
    }

    private static void assertTarget(MixPreset p, double lufs, double ceiling) {
        assertEquals(lufs, p.integratedLufs(), p.name());
        assertEquals(ceiling, p.truePeakDbtp(), p.name());
    }

    @Test
    void aUserPresetIsSavedReadBackAndOverridesByName(@TempDir Path home) throws Exception {
        UserData user = new UserData(home);
        MixPreset mine = MixPresets.builtIn("streaming").withLoudness(-12, -2);
        Path file = MixPresets.save(mine, user);
        assertEquals(home.resolve("presets").resolve("streaming.json"), file);
        assertEquals(mine, MixPresets.find("streaming", user).orElseThrow());
        MixPreset loud = new MixPreset("loud-demo", "", -8, -0.5, false, 3, -6, 4, 4, Map.of(StemRole.DRUMS, 2.0));
        MixPresets.save(loud, user);
        assertEquals(loud, MixPresets.all(user).get("loud-demo"));
        assertEquals(-6.0, loud.roleLoudness(StemRole.OTHER), "roles left out take the default");
    }

    @Test
    void aBrokenPresetNamesTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"bad\", \"integrated_lufs\": \"loud\"}");
        BadInputException e = assertThrows(BadInputException.class, () -> MixPresets.read(file));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("integrated_lufs"), e.getMessage());
        Path outOfRange = Files.writeString(dir.resolve("range.json"), MixPresets.toJson(MixPresets.builtIn("club"))
                .put("true_peak_dbtp", 3.0).toString());
        BadInputException range = assertThrows(BadInputException.class, () -> MixPresets.read(outOfRange));
        assertTrue(range.getMessage().contains("true-peak ceiling"), range.getMessage());
    }
}
