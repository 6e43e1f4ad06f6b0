package fermata.core.dsp;

/** A fixed gain: the "gain" utility insert. */
public final class GainStage implements AudioProcessor {
    private final float gain;

    public GainStage(double gainDb) {
        gain = (float) Decibels.toGain(gainDb);
    }

    @Override
    public void prepare(int sampleRate, int maxBlockFrames, int channels) {
        // Stateless: nothing to allocate.
    }

    @Override
    public void process(float[][] buffer, int frames) {
        for (float[] channel : buffer) {
            for (int i = 0; i < frames; i++) {
                channel[i] *= gain;
            }
        }
    }

    @Override
    public void reset() {
        // Stateless: no history to clear.
    }
}
