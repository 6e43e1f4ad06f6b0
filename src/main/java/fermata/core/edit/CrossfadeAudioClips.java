package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.FadeCurve;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/**
 * Crossfades two adjacent clips (the left one ends where the right one starts) over
 * {@code frames} centred on their join: each clip is extended into its media by half the length
 * so they overlap, the left fades out and the right fades in with {@code curve}. Needs that much
 * media beyond each clip's edge (as after a split or a delete). Linear crossfades of the same
 * material sum to it exactly; equal-power ones keep the power of unrelated material.
 */
public record CrossfadeAudioClips(String trackId, String leftClipId, String rightClipId, long frames,
                                  FadeCurve curve) implements EditCommand {
    public CrossfadeAudioClips {
        if (frames < 2) {
            throw new IllegalArgumentException("a crossfade needs at least 2 frames, was " + frames);
        }
        if (curve == null) {
            throw new IllegalArgumentException("a crossfade needs a curve");
        }
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        AudioClip left = r.track().clip(leftClipId);
        AudioClip right = r.track().clip(rightClipId);
        if (r.end(left) != right.positionFrame()) {
            throw new IllegalArgumentException("clips " + leftClipId + " and " + rightClipId + " are not adjacent: "
                    + "the first ends at " + r.end(left) + ", the second starts at " + right.positionFrame());
        }
        long before = frames / 2;
        long after = frames - before;
        AudioClip extendedLeft = extendEnd(left, r.toMedia(left, after), r.media(left));
        AudioClip extendedRight = extendStart(right, before, r.toMedia(right, before), r.media(right));
        long leftFade = Math.min(r.toMedia(left, frames), extendedLeft.lengthFrames());
        long rightFade = Math.min(r.toMedia(right, frames), extendedRight.lengthFrames());
        extendedLeft = extendedLeft.withFades(Math.min(extendedLeft.fadeInFrames(), extendedLeft.lengthFrames() - leftFade),
                extendedLeft.fadeInCurve(), leftFade, curve);
        extendedRight = extendedRight.withFades(rightFade, curve,
                Math.min(extendedRight.fadeOutFrames(), extendedRight.lengthFrames() - rightFade),
                extendedRight.fadeOutCurve());
        List<AudioClip> clips = new ArrayList<>();
        for (AudioClip c : r.track().clips()) {
            clips.add(c == left ? extendedLeft : c == right ? extendedRight : c);
        }
        return r.with(clips, r.track().markers());
    }

    private static AudioClip extendEnd(AudioClip c, long by, MediaRef media) {
        long offset = c.reversed() ? c.sourceOffsetFrame() - by : c.sourceOffsetFrame();
        requireMedia(c, offset, c.lengthFrames() + by, media);
        return new AudioClip(c.id(), c.mediaId(), c.positionFrame(), offset, c.lengthFrames() + by, c.gainDb(),
                c.fadeInFrames(), 0, c.fadeInCurve(), c.fadeOutCurve(), c.reversed());
    }

    private static AudioClip extendStart(AudioClip c, long timelineBy, long by, MediaRef media) {
        long offset = c.reversed() ? c.sourceOffsetFrame() : c.sourceOffsetFrame() - by;
        requireMedia(c, offset, c.lengthFrames() + by, media);
        if (c.positionFrame() < timelineBy) {
            throw new IllegalArgumentException("a crossfade that long would start before the song");
        }
        return new AudioClip(c.id(), c.mediaId(), c.positionFrame() - timelineBy, offset, c.lengthFrames() + by,
                c.gainDb(), 0, c.fadeOutFrames(), c.fadeInCurve(), c.fadeOutCurve(), c.reversed());
    }

    private static void requireMedia(AudioClip c, long offset, long length, MediaRef media) {
        if (offset < 0 || offset + length > media.frames()) {
            throw new IllegalArgumentException("clip " + c.id() + " has not enough audio beyond its edge in "
                    + media.path() + " for a crossfade this long; make it shorter");
        }
    }

    @Override
    public String label() {
        return "Crossfade";
    }
}
