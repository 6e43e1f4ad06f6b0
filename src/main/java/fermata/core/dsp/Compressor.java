package fermata.core.dsp;

/**
 * A feed-forward compressor with a hard knee, channels linked by their largest magnitude, and a
 * peak envelope with separate attack and release. Simple on purpose: the mixing package brings
 * the characterful ones.
 */
public final class Compressor implements AudioProcessor {
    private final double thresholdDb;
    private final double ratio;
    private final double attackMs;
    private final double releaseMs;
    private final double makeup;
    /** The threshold as a linear level, so that quiet samples skip the logarithms. */
    private final double thresholdLinear;
    /** The gain above the threshold is (envelope / threshold) to this power: -(1 - 1/ratio). */
    private final double slope;
    private double attackCoefficient;
    private double releaseCoefficient;
    private double envelope;
    private int channels;

    public Compressor(double thresholdDb, double ratio, double attackMs, double releaseMs, double makeupDb) {
        this.thresholdDb = thresholdDb;
        this.ratio = Math.max(1.0, ratio);
        this.attackMs = attackMs;
        this.releaseMs = releaseMs;
        this.makeup = Decibels.toGain(makeupDb);
        this.thresholdLinear = Decibels.toGain(thresholdDb);
        this.slope = -(1.0 - 1.0 / this.ratio);
    }

    @Override
    public void prepare(int sampleRate, int maxBlockFrames, int channelCount) {
        channels = channelCount;
        attackCoefficient = Math.exp(-1.0 / (Math.max(0.01, attackMs) * 0.001 * sampleRate));
        releaseCoefficient = Math.exp(-1.0 / (Math.max(0.01, releaseMs) * 0.001 * sampleRate));
        envelope = 0;
    }

    @Override
    public void process(float[][] buffer, int frames) {
        for (int i = 0; i < frames; i++) {
            double level = 0;
            for (int c = 0; c < channels; c++) {
                level = Math.max(level, Math.abs(buffer[c][i]));
            }
            double coefficient = level > envelope ? attackCoefficient : releaseCoefficient;
            envelope = level + (envelope - level) * coefficient;
            double gain = makeup;
            if (envelope > thresholdLinear) {
                gain *= Math.exp(slope * Math.log(envelope / thresholdLinear));
            }
            for (int c = 0; c < channels; c++) {
                buffer[c][i] = (float) (buffer[c][i] * gain);
            }
        }
    }

    @Override
    public void reset() {
        envelope = 0;
    }
}
