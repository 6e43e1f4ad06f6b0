package fermata.core.model;

/**
 * A named point, or a named region when {@code lengthFrames > 0}, on an audio track's timeline
 * (project frames). Markers ride along with ripple edits of the track.
 */
public record Marker(String id, String name, long frame, long lengthFrames) {
    public Marker {
        Check.nonBlank("marker id", id);
        name = name == null ? "" : name;
        if (frame < 0 || lengthFrames < 0 || frame > Long.MAX_VALUE - lengthFrames) {
            throw new IllegalArgumentException("marker needs frame >= 0 and length >= 0, was " + frame + ", "
                    + lengthFrames);
        }
    }

    public boolean isRegion() {
        return lengthFrames > 0;
    }

    public long endFrame() {
        return frame + lengthFrames;
    }

    public Marker withFrame(long newFrame) {
        return new Marker(id, name, newFrame, lengthFrames);
    }

    public Marker withName(String newName) {
        return new Marker(id, newName, frame, lengthFrames);
    }
}
