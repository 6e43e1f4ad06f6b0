package fermata.core.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The audio clips of one track, mixed to stereo with clip gain and linear fades. Mono media
 * plays on both sides; of media with more channels the first two play. Positions and lengths
 * are converted to engine frames when the graph is built, so the audio thread only adds.
 */
final class AudioTrackSource implements TrackSource {
    /** One clip in engine frames; the source already reads at the engine rate. */
    record PlacedClip(ClipSource source, long startFrame, long sourceOffset, long lengthFrames, float gain,
                      long fadeInFrames, long fadeOutFrames) {
        long endFrame() {
            return startFrame + lengthFrames;
        }
    }

    private final PlacedClip[] clips;
    private final float[][] scratch;

    AudioTrackSource(List<PlacedClip> clips, int maxBlockFrames) {
        this.clips = clips.toArray(new PlacedClip[0]);
        int channels = 1;
        for (PlacedClip c : clips) {
            channels = Math.max(channels, c.source().channels());
        }
        scratch = new float[channels][maxBlockFrames];
    }

    @Override
    public void render(long frame, float[][] out, int frames) {
        Arrays.fill(out[0], 0, frames, 0f);
        Arrays.fill(out[1], 0, frames, 0f);
        long end = frame + frames;
        for (PlacedClip clip : clips) {
            long from = Math.max(frame, clip.startFrame());
            long to = Math.min(end, clip.endFrame());
            if (from >= to) {
                continue;
            }
            int offset = (int) (from - frame);
            int count = (int) (to - from);
            long inClip = from - clip.startFrame();
            clip.source().read(clip.sourceOffset() + inClip, scratch, 0, count);
            float[] left = scratch[0];
            float[] right = clip.source().channels() > 1 ? scratch[1] : scratch[0];
            for (int i = 0; i < count; i++) {
                float g = clip.gain() * envelope(clip, inClip + i);
                out[0][offset + i] += left[i] * g;
                out[1][offset + i] += right[i] * g;
            }
        }
    }

    private static float envelope(PlacedClip clip, long position) {
        float e = 1f;
        if (position < clip.fadeInFrames()) {
            e = (float) position / clip.fadeInFrames();
        }
        long fromEnd = clip.lengthFrames() - position;
        if (fromEnd < clip.fadeOutFrames()) {
            e = Math.min(e, (float) fromEnd / clip.fadeOutFrames());
        }
        return e;
    }

    @Override
    public void locate(long frame, boolean cutSound) {
        // Clips are read by absolute position: there is no state to move.
    }

    @Override
    public long endFrame() {
        long end = 0;
        for (PlacedClip c : clips) {
            end = Math.max(end, c.endFrame());
        }
        return end;
    }

    @Override
    public void close() {
        // The clip sources belong to the media package's cache.
    }
}
