package fermata.core.edit;

import fermata.core.model.Project;

/**
 * Removes {@code [from, to)} of an audio track and closes the gap: everything after moves left by
 * the range's length (cut and delete). Markers after the range move with the audio.
 */
public record DeleteAudioRange(String trackId, long from, long to) implements EditCommand {
    public DeleteAudioRange {
        AudioRanges.checkRange(from, to);
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        long length = to - from;
        var clips = AudioRanges.shifted(r.cleared(r.track().clips(), from, to), to, -length);
        var markers = AudioRanges.mapMarkers(r.track().markers(),
                x -> x < from ? x : x < to ? from : x - length, from, to);
        return r.with(clips, markers);
    }

    @Override
    public String label() {
        return "Delete audio";
    }
}
