package fermata.demo;

import fermata.core.project.LoadedProject;
import fermata.core.project.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled demo project is exactly what {@link DemoSong} builds, and opens cleanly. To change
 * the demo, edit DemoSong and run this test with {@code -Dfermata.regenerateAssets=true}.
 */
class DemoAssetsTest {
    private static final Path DEMO = Path.of("assets", "demo", "first-light.fermata");

    @Test
    void demoProjectIsTheOneDemoSongBuilds() throws Exception {
        String expected = ProjectFiles.toJson(DemoSong.build());
        if (Boolean.getBoolean("fermata.regenerateAssets")) {
            Files.createDirectories(DEMO.getParent());
            ProjectFiles.write(DemoSong.build(), DEMO);
            Files.deleteIfExists(Path.of(DEMO + ".bak"));
        }
        assertEquals(expected, Files.readString(DEMO, StandardCharsets.UTF_8));
        LoadedProject loaded = ProjectFiles.read(DEMO);
        assertTrue(loaded.problems().isEmpty());
        assertEquals(DemoSong.build(), loaded.project());
        assertEquals(4, loaded.project().tracks().size());
    }
}
