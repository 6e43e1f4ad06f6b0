package fermata.core.edit;

import fermata.core.model.Project;

/** Opens a silent gap of {@code frames} at {@code at}: clips there are split, everything after moves right. */
public record InsertAudioSilence(String trackId, long at, long frames) implements EditCommand {
    public InsertAudioSilence {
        if (at < 0 || frames < 1) {
            throw new IllegalArgumentException("insert silence needs at >= 0 and frames >= 1, was " + at + ", " + frames);
        }
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        var clips = AudioRanges.shifted(r.split(r.track().clips(), at), at, frames);
        var markers = AudioRanges.mapMarkers(r.track().markers(), x -> x >= at ? x + frames : x, 0, 0);
        return r.with(clips, markers);
    }

    @Override
    public String label() {
        return "Insert silence";
    }
}
