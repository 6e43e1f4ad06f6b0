package fermata.core.project;

import fermata.core.error.BadInputException;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyValueOfTheModelSurvivesWriteAndRead() throws Exception {
        Project project = SampleProjects.everything();
        Path file = dir.resolve("song.fermata");
        ProjectFiles.write(project, file);
        LoadedProject loaded = ProjectFiles.read(file);
        assertEquals(project, loaded.project());
        assertEquals(file, loaded.file());
        assertEquals(project, ProjectFiles.fromJson(ProjectFiles.toJson(project)));
    }

    @Test
    void theSameProjectAlwaysGivesTheSameBytes() throws Exception {
        Project project = SampleProjects.everything();
        Path file = dir.resolve("song.fermata");
        ProjectFiles.write(project, file);
        byte[] first = Files.readAllBytes(file);
        ProjectFiles.write(ProjectFiles.read(file).project(), file);
        assertArrayEquals(first, Files.readAllBytes(file));
        assertEquals(ProjectFiles.toJson(project), new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void aHundredThousandNotesStaySmallAndFast() throws Exception {
        Project project = SampleProjects.manyNotes(100_000, 1);
        Path file = dir.resolve("big.fermata");
        long start = System.nanoTime();
        ProjectFiles.write(project, file);
        LoadedProject loaded = ProjectFiles.read(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(project, loaded.project());
        long bytes = Files.size(file);
        assertTrue(bytes < 4_500_000, "100k notes took " + bytes + " bytes");
        assertTrue(seconds < 5, "write + read of 100k notes took " + seconds + " s");
    }

    @Test
    void savingKeepsThePreviousVersionAsBackup() throws Exception {
        Path file = dir.resolve("song.fermata");
        Project first = Project.empty("first");
        Project second = Project.empty("second");
        ProjectFiles.write(first, file);
        ProjectFiles.write(second, file);
        assertEquals(second, ProjectFiles.read(file).project());
        assertEquals(first, ProjectFiles.read(dir.resolve("song.fermata.bak")).project());
        try (var names = Files.list(dir)) {
            assertEquals(List.of("song.fermata", "song.fermata.bak"),
                    names.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void absoluteMediaPathsAreStoredRelativeToTheProjectFile() throws Exception {
        Path song = dir.resolve("songs/one/song.fermata");
        Files.createDirectories(song.getParent());
        Path inside = dir.resolve("songs/one/audio/take.wav");
        Path beside = dir.resolve("samples/kick.wav");
        Project project = Project.empty("p").withMedia(List.of(
                new MediaRef("m1", inside.toString(), SampleProjects.VOX_SHA, 10, 48_000, 1),
                new MediaRef("m2", beside.toString(), SampleProjects.KICK_SHA, 10, 48_000, 1)));
        ProjectFiles.write(project, song);
        LoadedProject loaded = ProjectFiles.read(song);
        assertEquals(List.of("audio/take.wav", "../../samples/kick.wav"),
                loaded.project().media().stream().map(MediaRef::path).toList());
        assertEquals(inside, loaded.mediaFile(loaded.project().media().get(0)));
        assertEquals(beside, loaded.mediaFile(loaded.project().media().get(1)));
    }

    @Test
    void saveAsRebasesRelativeMediaPathsToTheNewFolder() throws Exception {
        Path old = dir.resolve("a/song.fermata");
        Path moved = dir.resolve("b/c/song.fermata");
        Files.createDirectories(old.getParent());
        Files.createDirectories(moved.getParent());
        Project project = Project.empty("p").withMedia(List.of(
                new MediaRef("m1", "audio/take.wav", SampleProjects.VOX_SHA, 10, 48_000, 1)));
        ProjectFiles.saveAs(project, old, moved);
        LoadedProject loaded = ProjectFiles.read(moved);
        assertEquals("../../a/audio/take.wav", loaded.project().media().get(0).path());
        assertEquals(dir.resolve("a/audio/take.wav"), loaded.mediaFile(loaded.project().media().get(0)));
    }

    @Test
    void mediaIsCheckedForPresenceAndContent() throws Exception {
        Path song = dir.resolve("song.fermata");
        Files.createDirectories(dir.resolve("audio"));
        Files.write(dir.resolve("audio/vox take 1.wav"), new byte[] {1, 2, 3});
        Project project = SampleProjects.everything();
        ProjectFiles.write(project, song);
        List<MissingMedia> problems = ProjectFiles.read(song).problems();
        assertEquals(2, problems.size());
        MissingMedia changed = problems.get(0);
        assertEquals(MissingMedia.Status.CHANGED, changed.status());
        assertEquals(List.of("clip clip-v1 on track \"Vox\ud800 lone surrogate\""), changed.clips());
        MissingMedia missing = problems.get(1);
        assertEquals(MissingMedia.Status.MISSING, missing.status());
        assertEquals(dir.getParent().resolve("samples/kick.wav"), missing.expectedFile());
        assertTrue(missing.message().contains("media \"../samples/kick.wav\" (id media-kick, used by clip clip-v2"),
                missing.message());
        assertTrue(missing.message().contains("expected at " + dir.getParent().resolve("samples/kick.wav")),
                missing.message());
        assertTrue(missing.message().contains("Locate media"), missing.message());
    }

    @Test
    void unchangedMediaIsHashedOnceAndThenAnsweredFromTheCache() throws Exception {
        Path song = dir.resolve("song.fermata");
        Path audio = dir.resolve("kick.wav");
        Files.write(audio, new byte[] {4, 5, 6});
        Project project = Project.empty("p").withMedia(List.of(
                new MediaRef("m1", "kick.wav", MediaHashCache.digest(audio), 3, 48_000, 1)));
        ProjectFiles.write(project, song);
        MediaHashCache cache = new MediaHashCache();
        assertTrue(ProjectFiles.read(song, cache).mediaComplete());
        assertTrue(ProjectFiles.read(song, cache).mediaComplete());
        assertEquals(1, cache.filesHashed());
    }

    @Test
    void aMissingFileIsBadInputNamingIt() {
        Path absent = dir.resolve("absent.fermata");
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> ProjectFiles.read(absent));
        assertEquals(absent, e.file());
    }

    static void writeText(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
