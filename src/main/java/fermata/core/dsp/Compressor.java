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
            if (envelope > 0) {
                double overDb = Decibels.fromGain(envelope) - thresholdDb;
                if (overDb > 0) {
                    gain *= Decibels.toGain(-overDb * (1.0 - 1.0 / ratio));
                }
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
