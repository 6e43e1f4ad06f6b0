package fermata.core.engine;

import fermata.core.model.FadeCurve;

/**
 * One audio clip converted to the frames of the rate it is read at, with what it takes to play it:
 * gain, shaped fades, direction. {@link #addTo} is the single definition of what a clip sounds
 * like; the engine's track source and {@link AudioTrackReader} both call it, so what the editor
 * reads, what plays and what is exported are the same samples.
 *
 * @param source the media at the reading rate
 * @param startFrame timeline position
 * @param sourceOffset first frame of the media range
 * @param lengthFrames frames of the media range (and of the clip on the timeline)
 * @param gain linear clip gain
 */
public record PlacedClip(ClipSource source, long startFrame, long sourceOffset, long lengthFrames, float gain,
                         long fadeInFrames, FadeCurve fadeInCurve, long fadeOutFrames, FadeCurve fadeOutCurve,
                         boolean reversed) {

    public long endFrame() {
        return startFrame + lengthFrames;
    }

    /**
     * The gain envelope {@code position} frames into the clip, gain included: the fade-in's curve
     * at position / fadeIn, times the fade-out's curve at (length - position) / fadeOut.
     */
    public float gainAt(long position) {
        double e = 1;
        if (position < fadeInFrames) {
            e = fadeInCurve.gain((double) position / fadeInFrames);
        }
        long fromEnd = lengthFrames - position;
        if (fromEnd < fadeOutFrames) {
            e *= fadeOutCurve.gain((double) fromEnd / fadeOutFrames);
        }
        return e == 1 ? gain : gain * (float) e;
    }

    /**
     * Adds this clip's part of timeline frames {@code [frame, frame + frames)} to
     * {@code out[c][outOffset ..]}. Output channel c plays media channel c; mono media plays on
     * every output channel; media channels beyond the output's are not heard. Allocation-free
     * (audio thread): {@code scratch} holds at least the media's channels and {@code frames} frames.
     */
    public void addTo(long frame, float[][] out, int outOffset, int frames, float[][] scratch) {
        long from = Math.max(frame, startFrame);
        long to = Math.min(frame + frames, endFrame());
        if (from >= to) {
            return;
        }
        int offset = outOffset + (int) (from - frame);
        int count = (int) (to - from);
        long inClip = from - startFrame;
        long mediaStart = reversed ? sourceOffset + lengthFrames - inClip - count : sourceOffset + inClip;
        source.read(mediaStart, scratch, 0, count);
        int mediaChannels = source.channels();
        // Outside the fades the envelope is exactly the clip gain: no per-sample curve to evaluate.
        boolean flat = inClip >= fadeInFrames && lengthFrames - (inClip + count - 1) >= fadeOutFrames;
        for (int c = 0; c < out.length; c++) {
            int mc = mediaChannels == 1 ? 0 : c;
            if (mc >= mediaChannels) {
                continue;
            }
            float[] in = scratch[mc];
            float[] dest = out[c];
            if (flat && !reversed) {
                for (int i = 0; i < count; i++) {
                    dest[offset + i] += in[i] * gain;
                }
            } else if (flat) {
                for (int i = 0; i < count; i++) {
                    dest[offset + i] += in[count - 1 - i] * gain;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    float sample = reversed ? in[count - 1 - i] : in[i];
                    dest[offset + i] += sample * gainAt(inClip + i);
                }
            }
        }
    }
}
