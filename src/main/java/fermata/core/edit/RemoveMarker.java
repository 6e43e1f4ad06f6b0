package fermata.core.edit;

import fermata.core.model.Marker;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/** Removes a marker or region from an audio track. */
public record RemoveMarker(String trackId, String markerId) implements EditCommand {
    @Override
    public Project apply(Project project) {
        var track = project.audioTrack(trackId);
        List<Marker> markers = new ArrayList<>(track.markers());
        if (!markers.removeIf(m -> m.id().equals(markerId))) {
            throw new IllegalArgumentException("track " + trackId + " has no marker " + markerId);
        }
        return project.withTrack(trackId, t -> track.withMarkers(markers));
    }

    @Override
    public String label() {
        return "Remove marker";
    }
}
