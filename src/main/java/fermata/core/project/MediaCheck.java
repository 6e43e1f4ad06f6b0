package fermata.core.project;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that each media file of a project is where the project says and has the recorded content. */
final class MediaCheck {
    private MediaCheck() {
    }

    static List<MissingMedia> check(Project project, Path projectFolder, MediaHashCache hashes) {
        Map<String, List<String>> clipsByMedia = clipsByMedia(project);
        List<MissingMedia> problems = new ArrayList<>();
        for (MediaRef media : project.media()) {
            List<String> clips = clipsByMedia.getOrDefault(media.id(), List.of());
            MissingMedia problem = check(media, clips, projectFolder, hashes);
            if (problem != null) {
                problems.add(problem);
            }
        }
        Set<String> listed = project.media().stream().map(MediaRef::id).collect(Collectors.toSet());
        clipsByMedia.forEach((mediaId, clips) -> {
            if (!listed.contains(mediaId)) {
                problems.add(new MissingMedia(mediaId, "", null, MissingMedia.Status.NOT_LISTED, clips,
                        "media id \"" + mediaId + "\" (used by " + String.join(", ", clips)
                                + ") is not listed in the project's media. Remove these clips and import the audio again"));
            }
        });
        return problems;
    }

    private static MissingMedia check(MediaRef media, List<String> clips, Path projectFolder, MediaHashCache hashes) {
        String what = "media \"" + media.path() + "\" (id " + media.id()
                + (clips.isEmpty() ? ", used by no clip" : ", used by " + String.join(", ", clips)) + ")";
        Path file;
        try {
            file = MediaPaths.resolve(projectFolder, media.path());
        } catch (InvalidPathException e) {
            return new MissingMedia(media.id(), media.path(), null, MissingMedia.Status.MISSING, clips,
                    what + " has a path that is not valid on this system. Use \"Locate media\" to point to the folder that holds it");
        }
        if (!Files.isRegularFile(file)) {
            return new MissingMedia(media.id(), media.path(), file, MissingMedia.Status.MISSING, clips,
                    what + " is missing: expected at " + file
                            + ". Put the file back there, or use \"Locate media\" to point to the folder that holds it");
        }
        String actual;
        try {
            actual = hashes.sha256(file);
        } catch (IOException e) {
            return new MissingMedia(media.id(), media.path(), file, MissingMedia.Status.UNREADABLE, clips,
                    what + " cannot be read at " + file + " (" + e.getMessage()
                            + "). Check its permissions, or use \"Locate media\" to point to a copy");
        }
        if (!actual.equals(media.sha256())) {
            return new MissingMedia(media.id(), media.path(), file, MissingMedia.Status.CHANGED, clips,
                    what + " has changed since it was added: the file at " + file
                            + " has different content. Restore the original, or use \"Locate media\" to point to a copy of it");
        }
        return null;
    }

    private static Map<String, List<String>> clipsByMedia(Project project) {
        Map<String, List<String>> clips = new LinkedHashMap<>();
        for (Track track : project.tracks()) {
            if (track instanceof AudioTrack audio) {
                for (AudioClip clip : audio.clips()) {
                    clips.computeIfAbsent(clip.mediaId(), id -> new ArrayList<>())
                            .add("clip " + clip.id() + " on track \"" + audio.name() + "\"");
                }
            }
        }
        return clips;
    }
}
