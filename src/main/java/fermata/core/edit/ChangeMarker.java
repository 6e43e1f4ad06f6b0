package fermata.core.edit;

import fermata.core.model.Marker;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/** Replaces the marker with the same id (rename, move, resize a region). */
public record ChangeMarker(String trackId, Marker marker) implements EditCommand {
    @Override
    public Project apply(Project project) {
        var track = project.audioTrack(trackId);
        List<Marker> markers = new ArrayList<>(track.markers());
        for (int i = 0; i < markers.size(); i++) {
            if (markers.get(i).id().equals(marker.id())) {
                markers.set(i, marker);
                return project.withTrack(trackId, t -> track.withMarkers(markers));
            }
        }
        throw new IllegalArgumentException("track " + trackId + " has no marker " + marker.id());
    }

    @Override
    public String label() {
        return "Change marker";
    }
}
