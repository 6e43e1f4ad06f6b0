package fermata.core.project;

import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutosaveAndRecoveryTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AtomicReference<Autosaver.State> editor = new AtomicReference<>();

    private Recovery recovery() {
        return Recovery.in(new UserData(dir.resolve("user")));
    }

    private Autosaver autosaver(Recovery recovery) {
        return new Autosaver(editor::get, recovery, clock, Duration.ofSeconds(60));
    }

    @Test
    void unsavedChangesAreWrittenAtMostOncePerInterval() throws Exception {
        Path song = dir.resolve("song.fermata");
        ProjectFiles.write(Project.empty("v0"), song);
        Files.setLastModifiedTime(song, FileTime.from(clock.instant().minusSeconds(3600)));
        Recovery recovery = recovery();
        Autosaver autosaver = autosaver(recovery);

        editor.set(new Autosaver.State(Project.empty("v1"), song, true));
        assertEquals(Optional.empty(), autosaver.tick(), "not before the interval has passed");
        clock.advance(Duration.ofSeconds(60));
        Optional<Path> written = autosaver.tick();
        assertTrue(written.isPresent());
        assertEquals(recovery.fileFor(song), written.get());
        assertEquals(dir.resolve("user/recovery"), written.get().getParent());
        assertTrue(written.get().getFileName().toString().matches("song-[0-9a-f]{12}\\.fermata"));

        editor.set(new Autosaver.State(Project.empty("v2"), song, true));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), autosaver.tick(), "a second write within the interval");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(written, autosaver.tick());
        clock.advance(Duration.ofSeconds(120));
        assertEquals(Optional.empty(), autosaver.tick(), "nothing new to write");

        List<RecoveryFile> found = recovery.list();
        assertEquals(1, found.size());
        assertEquals(Optional.of(song.toAbsolutePath()), found.get(0).projectFile());
        LoadedProject recovered = recovery.load(found.get(0));
        assertEquals(Project.empty("v2"), recovered.project());
        assertEquals(song.toAbsolutePath(), recovered.file());
    }

    @Test
    void aCleanProjectIsNotWrittenAndSavingDiscardsTheCopy() throws Exception {
        Path song = dir.resolve("song.fermata");
        Recovery recovery = recovery();
        Autosaver autosaver = autosaver(recovery);
        clock.advance(Duration.ofMinutes(5));
        editor.set(new Autosaver.State(Project.empty("clean"), song, false));
        assertEquals(Optional.empty(), autosaver.tick());

        editor.set(new Autosaver.State(Project.empty("dirty"), song, true));
        Path copy = autosaver.tick().orElseThrow();
        assertTrue(Files.exists(copy));
        editor.set(new Autosaver.State(Project.empty("dirty"), song, false));
        autosaver.tick();
        assertFalse(Files.exists(copy));
        assertEquals(List.of(), recovery.list());
    }

    @Test
    void copiesOlderThanTheirProjectFileAreNotOffered() throws Exception {
        Path song = dir.resolve("song.fermata");
        Recovery recovery = recovery();
        Path copy = recovery.fileFor(song);
        recovery.write(Project.empty("autosaved"), song, copy);
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minusSeconds(600)));
        assertEquals(1, recovery.list().size(), "the project file does not exist yet");
        ProjectFiles.write(Project.empty("saved later"), song);
        assertEquals(List.of(), recovery.list());
    }

    @Test
    void anUntitledProjectIsRecoveredAndDiscardedOnRequest() throws Exception {
        Recovery recovery = recovery();
        Autosaver autosaver = autosaver(recovery);
        clock.advance(Duration.ofMinutes(1));
        Path take = dir.resolve("takes/take.wav").toAbsolutePath();
        Project untitled = Project.empty("My Song?").withMedia(List.of(
                new MediaRef("m", take.toString(), SampleProjects.VOX_SHA, 1, 48_000, 1)));
        editor.set(new Autosaver.State(untitled, null, true));
        Path copy = autosaver.tick().orElseThrow();
        assertTrue(copy.getFileName().toString().startsWith("My Song_-"), copy.toString());

        RecoveryFile found = recovery.list().get(0);
        assertEquals(Optional.empty(), found.projectFile());
        LoadedProject recovered = recovery.load(found);
        assertEquals(untitled, recovered.project(), "absolute media paths stay absolute");
        assertEquals(take, recovered.problems().get(0).expectedFile());
        recovery.discard(found);
        assertEquals(List.of(), recovery.list());
        try (var left = Files.list(recovery.folder())) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aRecoveryCopyKeepsMediaRelativeToTheProjectFolder() throws Exception {
        Path song = dir.resolve("songs/song.fermata");
        Files.createDirectories(song.getParent());
        Path audio = dir.resolve("songs/audio/a.wav");
        Files.createDirectories(audio.getParent());
        Files.write(audio, new byte[] {9, 9});
        Project project = Project.empty("p").withMedia(List.of(
                new MediaRef("m", "audio/a.wav", MediaHashCache.digest(audio), 1, 48_000, 1)));
        Recovery recovery = recovery();
        recovery.write(project, song, recovery.fileFor(song));
        LoadedProject recovered = recovery.load(recovery.list().get(0));
        assertEquals(project, recovered.project());
        assertTrue(recovered.mediaComplete(), () -> recovered.problems().toString());
    }

    @Test
    void twoProjectsOfTheSameNameInDifferentFoldersGetDifferentCopies() {
        Recovery recovery = recovery();
        assertFalse(recovery.fileFor(dir.resolve("a/song.fermata")).equals(recovery.fileFor(dir.resolve("b/song.fermata"))));
    }
}
