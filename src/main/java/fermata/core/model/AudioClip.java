package fermata.core.model;

/**
 * A region of an audio file placed on an audio track. Non-destructive: the media is never changed,
 * the clip says which part of it plays where and how.
 *
 * @param id identity within the project
 * @param mediaId the {@link MediaRef#id()} it plays
 * @param positionFrame where it starts on the timeline, in project sample frames
 * @param sourceOffsetFrame first frame of the media that plays, in media frames
 * @param lengthFrames how many media frames play
 * @param gainDb clip gain
 * @param fadeInFrames fade-in length in media frames
 * @param fadeOutFrames fade-out length in media frames
 * @param fadeInCurve shape of the fade-in
 * @param fadeOutCurve shape of the fade-out
 * @param reversed the media range plays backwards: the clip's first frame is the range's last
 */
public record AudioClip(String id, String mediaId, long positionFrame, long sourceOffsetFrame, long lengthFrames,
                        double gainDb, long fadeInFrames, long fadeOutFrames, FadeCurve fadeInCurve,
                        FadeCurve fadeOutCurve, boolean reversed) {
    public AudioClip {
        fadeInCurve = fadeInCurve == null ? FadeCurve.LINEAR : fadeInCurve;
        fadeOutCurve = fadeOutCurve == null ? FadeCurve.LINEAR : fadeOutCurve;
        Check.nonBlank("clip id", id);
        Check.nonBlank("media id", mediaId);
        if (positionFrame < 0 || sourceOffsetFrame < 0 || lengthFrames < 1
                || positionFrame > Long.MAX_VALUE - lengthFrames || sourceOffsetFrame > Long.MAX_VALUE - lengthFrames) {
            throw new IllegalArgumentException("audio clip needs position >= 0, offset >= 0, length >= 1 and an end"
                    + " that fits in 64 bits, was "
                    + positionFrame + ", " + sourceOffsetFrame + ", " + lengthFrames);
        }
        Check.finite("clip gain", gainDb);
        if (fadeInFrames < 0 || fadeOutFrames < 0 || fadeInFrames > lengthFrames || fadeOutFrames > lengthFrames - fadeInFrames) {
            throw new IllegalArgumentException("fades must be >= 0 and fit in the clip, were "
                    + fadeInFrames + " and " + fadeOutFrames + " in " + lengthFrames);
        }
    }

    /** A forward clip with linear fades. */
    public AudioClip(String id, String mediaId, long positionFrame, long sourceOffsetFrame, long lengthFrames,
                     double gainDb, long fadeInFrames, long fadeOutFrames) {
        this(id, mediaId, positionFrame, sourceOffsetFrame, lengthFrames, gainDb, fadeInFrames, fadeOutFrames,
                FadeCurve.LINEAR, FadeCurve.LINEAR, false);
    }

    public AudioClip(String id, String mediaId, long positionFrame, long lengthFrames) {
        this(id, mediaId, positionFrame, 0, lengthFrames, 0.0, 0, 0);
    }

    public long endFrame() {
        return positionFrame + lengthFrames;
    }

    public AudioClip withPosition(long newPosition) {
        return new AudioClip(id, mediaId, newPosition, sourceOffsetFrame, lengthFrames, gainDb, fadeInFrames, fadeOutFrames,
                fadeInCurve, fadeOutCurve, reversed);
    }

    /** Trims to the media range [offset, offset + length), keeping fades that still fit. */
    public AudioClip withSourceRange(long newOffset, long newLength) {
        long in = Math.min(fadeInFrames, newLength);
        long out = Math.min(fadeOutFrames, newLength - in);
        return new AudioClip(id, mediaId, positionFrame, newOffset, newLength, gainDb, in, out,
                fadeInCurve, fadeOutCurve, reversed);
    }

    public AudioClip withGainDb(double newGain) {
        return new AudioClip(id, mediaId, positionFrame, sourceOffsetFrame, lengthFrames, newGain, fadeInFrames, fadeOutFrames,
                fadeInCurve, fadeOutCurve, reversed);
    }

    public AudioClip withFades(long in, long out) {
        return new AudioClip(id, mediaId, positionFrame, sourceOffsetFrame, lengthFrames, gainDb, in, out,
                fadeInCurve, fadeOutCurve, reversed);
    }

    public AudioClip withFades(long in, FadeCurve inCurve, long out, FadeCurve outCurve) {
        return new AudioClip(id, mediaId, positionFrame, sourceOffsetFrame, lengthFrames, gainDb, in, out,
                inCurve, outCurve, reversed);
    }

    public AudioClip withId(String newId) {
        return new AudioClip(newId, mediaId, positionFrame, sourceOffsetFrame, lengthFrames, gainDb, fadeInFrames,
                fadeOutFrames, fadeInCurve, fadeOutCurve, reversed);
    }

    /** Plays the same media range the other way round; the fades swap ends with it. */
    public AudioClip reverse() {
        return new AudioClip(id, mediaId, positionFrame, sourceOffsetFrame, lengthFrames, gainDb, fadeOutFrames,
                fadeInFrames, fadeOutCurve, fadeInCurve, !reversed);
    }

    /**
     * The media frame heard at {@code position} frames into the clip (media frames): counted from
     * the range's start, or from its end when reversed.
     */
    public long mediaFrameAt(long position) {
        return reversed ? sourceOffsetFrame + lengthFrames - 1 - position : sourceOffsetFrame + position;
    }
}
