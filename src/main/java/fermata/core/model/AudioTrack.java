package fermata.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/** A track of audio clips, with markers and named regions on its timeline (sorted by frame). */
public record AudioTrack(String id, String name, MixerSettings mixer, List<AudioClip> clips, List<Marker> markers)
        implements Track {
    public AudioTrack {
        Check.nonBlank("track id", id);
        name = name == null ? "" : name;
        clips = List.copyOf(clips);
        List<Marker> sorted = new ArrayList<>(markers == null ? List.of() : markers);
        sorted.sort(Comparator.comparingLong(Marker::frame));
        markers = List.copyOf(sorted);
    }

    public AudioTrack(String id, String name, MixerSettings mixer, List<AudioClip> clips) {
        this(id, name, mixer, clips, List.of());
    }

    @Override
    public AudioTrack withName(String newName) {
        return new AudioTrack(id, newName, mixer, clips, markers);
    }

    @Override
    public AudioTrack withMixer(MixerSettings newMixer) {
        return new AudioTrack(id, name, newMixer, clips, markers);
    }

    public AudioTrack withClips(List<AudioClip> newClips) {
        return new AudioTrack(id, name, mixer, newClips, markers);
    }

    public AudioTrack withMarkers(List<Marker> newMarkers) {
        return new AudioTrack(id, name, mixer, clips, newMarkers);
    }

    public AudioClip clip(String clipId) {
        for (AudioClip c : clips) {
            if (c.id().equals(clipId)) {
                return c;
            }
        }
        throw new IllegalArgumentException("track " + id + " has no clip " + clipId);
    }

    /** A copy with one clip replaced by the result of {@code change}. */
    public AudioTrack withClip(String clipId, UnaryOperator<AudioClip> change) {
        List<AudioClip> next = new ArrayList<>(clips);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(clipId)) {
                next.set(i, change.apply(next.get(i)));
                return withClips(next);
            }
        }
        throw new IllegalArgumentException("track " + id + " has no clip " + clipId);
    }
}
