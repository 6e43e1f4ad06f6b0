package fermata.core.edit;

import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;

/** Moves a track to another position in the track list. */
public record MoveTrack(String trackId, int newIndex) implements EditCommand {
    @Override
    public Project apply(Project project) {
        int from = project.indexOfTrack(trackId);
        if (from < 0) {
            throw new IllegalArgumentException("no track " + trackId);
        }
        if (newIndex < 0 || newIndex >= project.tracks().size()) {
            throw new IllegalArgumentException("track index " + newIndex + " is outside 0.." + (project.tracks().size() - 1));
        }
        List<Track> tracks = new ArrayList<>(project.tracks());
        Track t = tracks.remove(from);
        tracks.add(newIndex, t);
        return project.withTracks(tracks);
    }

    @Override
    public String label() {
        return "Move track";
    }
}
