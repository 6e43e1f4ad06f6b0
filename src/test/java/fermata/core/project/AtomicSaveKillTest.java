package fermata.core.project;

import fermata.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a process that is saving in a loop (SIGKILL, no shutdown hooks) at random moments, and
 * checks that the project file and its backup are always one whole saved version.
 */
class AtomicSaveKillTest {
    private static final int KILLS = 30;

    @TempDir
    Path dir;

    /** Two versions big enough (about 1 MB) that a kill often lands in the middle of writing one. */
    static Project[] versions() {
        return new Project[] {SampleProjects.manyNotes(30_000, 1).withName("A"),
                SampleProjects.manyNotes(20_000, 2).withName("B")};
    }

    @Test
    void aKilledSaveLeavesOneWholeVersionOnDisk() throws Exception {
        List<String> saved = List.of(versions()).stream().map(ProjectFiles::toJson).toList();
        Path file = dir.resolve("song.fermata");
        Random random = new Random(42);
        int killedWhileSaving = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    SavingChild.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("saved", out.readLine(), "the saving process did not start");
                Thread.sleep(random.nextInt(120));
                killedWhileSaving += child.isAlive() ? 1 : 0;
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the saving process did not die");
            }
            assertWholeVersion(saved, file);
            assertWholeVersion(saved, dir.resolve("song.fermata.bak"));
        }
        assertEquals(KILLS, killedWhileSaving, "every kill hit a running save loop");
    }

    private static void assertWholeVersion(List<String> saved, Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(saved.contains(text), () -> file + " is not one of the saved versions: " + text.length() + " chars");
        assertTrue(saved.contains(ProjectFiles.toJson(ProjectFiles.read(file).project())));
    }
}
