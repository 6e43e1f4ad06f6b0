package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/**
 * Copied audio: the clip pieces of a range, positioned from 0, and the media they play, so a
 * paste needs nothing from the project they came from. No samples are copied.
 *
 * @param lengthFrames the copied range's length (trailing silence included)
 */
public record AudioClipboard(long lengthFrames, List<AudioClip> clips, List<MediaRef> media) {
    public AudioClipboard {
        clips = List.copyOf(clips);
        media = List.copyOf(media);
    }

    /** Copies {@code [from, to)} of an audio track. */
    public static AudioClipboard copy(Project project, String trackId, long from, long to) {
        AudioRanges.checkRange(from, to);
        AudioRanges r = new AudioRanges(project, trackId);
        List<AudioClip> pieces = new ArrayList<>();
        List<MediaRef> media = new ArrayList<>();
        for (AudioClip c : r.splitAround(r.track().clips(), from, to)) {
            if (r.inside(c, from, to)) {
                pieces.add(c.withPosition(c.positionFrame() - from));
                MediaRef m = r.media(c);
                if (!media.contains(m)) {
                    media.add(m);
                }
            }
        }
        return new AudioClipboard(to - from, pieces, media);
    }
}
