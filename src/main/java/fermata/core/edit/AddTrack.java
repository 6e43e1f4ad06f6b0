package fermata.core.edit;

import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;

/** Inserts a track at an index (the end when the index equals the track count). */
public record AddTrack(Track track, int index) implements EditCommand {
    @Override
    public Project apply(Project project) {
        if (index < 0 || index > project.tracks().size()) {
            throw new IllegalArgumentException("track index " + index + " is outside 0.." + project.tracks().size());
        }
        List<Track> tracks = new ArrayList<>(project.tracks());
        tracks.add(index, track);
        return project.withTracks(tracks);
    }

    @Override
    public String label() {
        return "Add track";
    }
}
