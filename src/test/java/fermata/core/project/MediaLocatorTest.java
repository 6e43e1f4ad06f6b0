package fermata.core.project;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaLocatorTest {
    @TempDir
    Path dir;

    private LoadedProject projectWithTwoMovedFiles() throws Exception {
        Path song = dir.resolve("song/song.fermata");
        Files.createDirectories(song.getParent());
        byte[] vox = {1, 2, 3, 4};
        byte[] kick = {5, 6, 7};
        Path voxFile = dir.resolve("vox.wav");
        Path kickFile = dir.resolve("kick.wav");
        Files.write(voxFile, vox);
        Files.write(kickFile, kick);
        Project project = Project.empty("p")
                .withMedia(List.of(
                        new MediaRef("vox", "audio/vox.wav", MediaHashCache.digest(voxFile), 4, 48_000, 1),
                        new MediaRef("kick", "audio/kick.wav", MediaHashCache.digest(kickFile), 3, 48_000, 1)))
                .withTracks(List.of(new AudioTrack("t", "Drums", MixerSettings.UNITY, List.of(
                        new AudioClip("c1", "kick", 0, 3)))));
        ProjectFiles.write(project, song);
        Files.createDirectories(dir.resolve("elsewhere/deep/er"));
        Files.move(voxFile, dir.resolve("elsewhere/deep/er/renamed vox.wav"));
        Files.createDirectories(dir.resolve("song/moved"));
        Files.move(kickFile, dir.resolve("song/moved/kick.wav"));
        Files.write(dir.resolve("elsewhere/decoy.wav"), new byte[] {9});
        return ProjectFiles.read(song, new MediaHashCache());
    }

    @Test
    void movedAndRenamedMediaIsFoundByContentInTheGivenFolderAndTheProjectFolder() throws Exception {
        LoadedProject loaded = projectWithTwoMovedFiles();
        assertEquals(2, loaded.problems().size());
        MissingMedia kick = loaded.problems().get(1);
        assertTrue(kick.message().contains("media \"audio/kick.wav\" (id kick, used by clip c1 on track \"Drums\") is missing"),
                kick.message());

        LoadedProject located = new MediaLocator().locate(loaded, dir.resolve("elsewhere"));
        assertEquals(List.of(), located.problems());
        assertEquals(List.of("../elsewhere/deep/er/renamed vox.wav", "moved/kick.wav"),
                located.project().media().stream().map(MediaRef::path).toList());
        assertEquals(loaded.project().tracks(), located.project().tracks());
    }

    @Test
    void theSearchIsBoundedInDepth() throws Exception {
        LoadedProject loaded = projectWithTwoMovedFiles();
        LoadedProject located = new MediaLocator(new MediaHashCache(), 2, 1000).locate(loaded, dir.resolve("elsewhere"));
        assertEquals(List.of("vox"), located.problems().stream().map(MissingMedia::mediaId).toList());
    }

    @Test
    void theSummaryListsTracksAndMediaStatus() throws Exception {
        LoadedProject loaded = projectWithTwoMovedFiles();
        ProjectSummary summary = ProjectSummary.of(loaded);
        assertEquals(List.of(new ProjectSummary.TrackSummary("audio", "t", "Drums", 1, 0)), summary.tracks());
        assertEquals(List.of("missing", "missing"), summary.media().stream().map(ProjectSummary.MediaSummary::status).toList());
        ProjectSummary after = ProjectSummary.of(new MediaLocator().locate(loaded, dir));
        assertEquals(List.of("ok", "ok"), after.media().stream().map(ProjectSummary.MediaSummary::status).toList());
        assertEquals(dir.resolve("song/moved/kick.wav"), after.media().get(1).file());
    }
}
