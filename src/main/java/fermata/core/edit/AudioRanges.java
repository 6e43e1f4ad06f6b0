package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.Ids;
import fermata.core.model.Marker;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Timeline arithmetic shared by the range edits of an audio track: splitting clips at a frame,
 * removing and shifting what lies in a range, moving markers along. Ranges are in project frames;
 * a clip's media range is converted from them at its media's rate (the identity when the rates
 * match, which is what keeps the edits sample-exact).
 */
final class AudioRanges {
    private final Project project;
    private final AudioTrack track;
    private final Set<String> ids = new HashSet<>();

    AudioRanges(Project project, String trackId) {
        this.project = project;
        this.track = project.audioTrack(trackId);
        for (Track t : project.tracks()) {
            if (t instanceof AudioTrack a) {
                a.clips().forEach(c -> ids.add(c.id()));
            }
        }
    }

    static void checkRange(long from, long to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("the range must have 0 <= from < to, was " + from + ".." + to);
        }
    }

    AudioTrack track() {
        return track;
    }

    Project with(List<AudioClip> clips, List<Marker> markers) {
        return project.withTrack(track.id(), t -> track.withClips(clips).withMarkers(markers));
    }

    MediaRef media(AudioClip clip) {
        return project.mediaById(clip.mediaId()).orElseThrow(() -> new IllegalArgumentException("clip " + clip.id()
                + " plays unknown media " + clip.mediaId()));
    }

    /** Media frames that {@code projectFrames} of timeline span in this clip. */
    long toMedia(AudioClip clip, long projectFrames) {
        int rate = media(clip).sampleRate();
        return rate == project.sampleRate() ? projectFrames
                : Math.round((double) projectFrames * rate / project.sampleRate());
    }

    /** Project frames the clip spans on the timeline. */
    long timelineLength(AudioClip clip) {
        int rate = media(clip).sampleRate();
        return rate == project.sampleRate() ? clip.lengthFrames()
                : Math.max(1, Math.round((double) clip.lengthFrames() * project.sampleRate() / rate));
    }

    long end(AudioClip clip) {
        return clip.positionFrame() + timelineLength(clip);
    }

    String freshId() {
        String id = Ids.fresh("clip", ids);
        ids.add(id);
        return id;
    }

    /** {@code clips} with every clip that spans {@code frame} cut in two there. */
    List<AudioClip> split(List<AudioClip> clips, long frame) {
        List<AudioClip> out = new ArrayList<>(clips.size() + 1);
        for (AudioClip c : clips) {
            long k = frame > c.positionFrame() ? toMedia(c, frame - c.positionFrame()) : 0;
            if (k <= 0 || k >= c.lengthFrames()) {
                out.add(c);
                continue;
            }
            long rest = c.lengthFrames() - k;
            long leftOffset = c.reversed() ? c.sourceOffsetFrame() + rest : c.sourceOffsetFrame();
            long rightOffset = c.reversed() ? c.sourceOffsetFrame() : c.sourceOffsetFrame() + k;
            out.add(new AudioClip(c.id(), c.mediaId(), c.positionFrame(), leftOffset, k, c.gainDb(),
                    Math.min(c.fadeInFrames(), k), 0, c.fadeInCurve(), c.fadeOutCurve(), c.reversed()));
            out.add(new AudioClip(freshId(), c.mediaId(), frame, rightOffset, rest, c.gainDb(), 0,
                    Math.min(c.fadeOutFrames(), rest), c.fadeInCurve(), c.fadeOutCurve(), c.reversed()));
        }
        return out;
    }

    /** Clips split at both ends of the range. */
    List<AudioClip> splitAround(List<AudioClip> clips, long from, long to) {
        return split(split(clips, from), to);
    }

    boolean inside(AudioClip c, long from, long to) {
        return c.positionFrame() >= from && end(c) <= to;
    }

    /** Clips with nothing in {@code [from, to)}; what was there is removed, nothing moves. */
    List<AudioClip> cleared(List<AudioClip> clips, long from, long to) {
        List<AudioClip> out = new ArrayList<>();
        for (AudioClip c : splitAround(clips, from, to)) {
            if (!inside(c, from, to)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Clips starting at or after {@code from} moved by {@code delta}. */
    static List<AudioClip> shifted(List<AudioClip> clips, long from, long delta) {
        List<AudioClip> out = new ArrayList<>(clips.size());
        for (AudioClip c : clips) {
            out.add(c.positionFrame() >= from ? c.withPosition(c.positionFrame() + delta) : c);
        }
        return out;
    }

    /**
     * Markers with their frames mapped; a region keeps its name while either end survives, a point
     * whose frame falls into {@code removedFrom..removedTo} is dropped.
     */
    static List<Marker> mapMarkers(List<Marker> markers, LongUnaryOperator map, long removedFrom, long removedTo) {
        List<Marker> out = new ArrayList<>();
        for (Marker m : markers) {
            if (!m.isRegion()) {
                if (m.frame() < removedFrom || m.frame() >= removedTo) {
                    out.add(m.withFrame(map.applyAsLong(m.frame())));
                }
                continue;
            }
            long start = map.applyAsLong(m.frame());
            long end = map.applyAsLong(m.endFrame());
            if (end > start) {
                out.add(new Marker(m.id(), m.name(), start, end - start));
            }
        }
        return out;
    }
}
