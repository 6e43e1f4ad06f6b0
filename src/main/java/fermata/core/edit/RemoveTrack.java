package fermata.core.edit;

import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;

/** Deletes a track with its clips. Media stay referenced by the project until it is saved clean. */
public record RemoveTrack(String trackId) implements EditCommand {
    @Override
    public Project apply(Project project) {
        int i = project.indexOfTrack(trackId);
        if (i < 0) {
            throw new IllegalArgumentException("no track " + trackId);
        }
        List<Track> tracks = new ArrayList<>(project.tracks());
        tracks.remove(i);
        return project.withTracks(tracks);
    }

    @Override
    public String label() {
        return "Delete track";
    }
}
