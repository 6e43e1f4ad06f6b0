package fermata.core.project;

import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code fermata info} shows about a project: its tracks and media and whether the media is in place. */
public record ProjectSummary(Path file, String name, int sampleRate, double durationSeconds,
                             List<TrackSummary> tracks, List<MediaSummary> media) {

    /** @param kind "midi" or "audio" */
    public record TrackSummary(String kind, String id, String name, int clipCount, int noteCount) {
    }

    /** @param status "ok", or the lower-case {@link MissingMedia.Status} */
    public record MediaSummary(String id, String path, Path file, String status, String message) {
    }

    public ProjectSummary {
        tracks = List.copyOf(tracks);
        media = List.copyOf(media);
    }

    public static ProjectSummary of(LoadedProject loaded) {
        Project project = loaded.project();
        List<TrackSummary> tracks = new ArrayList<>();
        for (Track track : project.tracks()) {
            if (track instanceof MidiTrack midi) {
                tracks.add(new TrackSummary("midi", midi.id(), midi.name(), midi.clips().size(), midi.noteCount()));
            } else if (track instanceof AudioTrack audio) {
                tracks.add(new TrackSummary("audio", audio.id(), audio.name(), audio.clips().size(), 0));
            }
        }
        Map<String, MissingMedia> problems = new HashMap<>();
        for (MissingMedia problem : loaded.problems()) {
            problems.put(problem.mediaId(), problem);
        }
        List<MediaSummary> media = new ArrayList<>();
        for (MediaRef ref : project.media()) {
            MissingMedia problem = problems.get(ref.id());
            media.add(new MediaSummary(ref.id(), ref.path(), problem != null ? problem.expectedFile() : loaded.mediaFile(ref),
                    problem == null ? "ok" : problem.status().name().toLowerCase(Locale.ROOT),
                    problem == null ? "" : problem.message()));
        }
        return new ProjectSummary(loaded.file(), project.name(), project.sampleRate(),
                project.durationSeconds(), tracks, media);
    }
}
