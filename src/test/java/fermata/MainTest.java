package fermata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void aProjectOrMidiFileOpensTheStudioAndVerbsRunTheCommandLine() throws Exception {
        Path project = Files.createFile(dir.resolve("Song.FERMATA"));
        Path midi = Files.createFile(dir.resolve("tune.mid"));
        assertTrue(Main.opensInStudio(project.toString()));
        assertTrue(Main.opensInStudio(midi.toString()));
        assertFalse(Main.opensInStudio(dir.resolve("missing.mid").toString()), "a missing file goes to the CLI's error");
        assertFalse(Main.opensInStudio("info"));
        assertFalse(Main.opensInStudio(Files.createFile(dir.resolve("take.wav")).toString()));
    }
}
