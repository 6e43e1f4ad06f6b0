package fermata.core.edit;

import fermata.core.model.Marker;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/** Adds a marker or named region to an audio track. */
public record AddMarker(String trackId, Marker marker) implements EditCommand {
    @Override
    public Project apply(Project project) {
        var track = project.audioTrack(trackId);
        for (Marker m : track.markers()) {
            if (m.id().equals(marker.id())) {
                throw new IllegalArgumentException("track " + trackId + " already has a marker " + marker.id());
            }
        }
        List<Marker> markers = new ArrayList<>(track.markers());
        markers.add(marker);
        return project.withTrack(trackId, t -> track.withMarkers(markers));
    }

    @Override
    public String label() {
        return marker.isRegion() ? "Add region" : "Add marker";
    }
}
