package fermata.core.dsp;

/**
 * Mid/side width: the side signal (L - R) / 2 is scaled, the mid (L + R) / 2 kept, so the mono
 * sum never changes: 0 folds to mono, 1 leaves the image as it is, above 1 widens it. Stateless.
 */
public final class StereoWidth implements AudioProcessor {
    private final float width;

    public StereoWidth(double width) {
        this.width = (float) Math.max(0, Math.min(2, width));
    }

    @Override
    public void prepare(int sampleRate, int maxBlockFrames, int channels) {
        // Stateless: nothing to allocate.
    }

    @Override
    public void process(float[][] buffer, int frames) {
        if (buffer.length < 2) {
            return;
        }
        float[] l = buffer[0];
        float[] r = buffer[1];
        for (int i = 0; i < frames; i++) {
            float mid = (l[i] + r[i]) * 0.5f;
            float side = (l[i] - r[i]) * 0.5f * width;
            l[i] = mid + side;
            r[i] = mid - side;
        }
    }

    @Override
    public void reset() {
        // Stateless: no history to clear.
    }
}
