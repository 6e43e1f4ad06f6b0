package fermata.core.dsp;

import java.util.Arrays;

/**
 * A look-ahead brick-wall limiter whose ceiling holds for true peaks, not only sample peaks.
 *
 * <p>Per frame (channels linked) a {@link TruePeakDetector} gives the 4x-oversampled peak, from
 * which the gain that would bring it to the ceiling follows. That required gain is held as a
 * minimum over the look-ahead window (plus one sample, since an inter-sample peak depends on the
 * samples either side), released exponentially (attack is instant, so the envelope never rises
 * above the hold), then averaged over the look-ahead window. Averaging values that are each at
 * most the required gain of the sample leaving the delay line keeps that sample under the
 * ceiling while turning the gain curve into a smooth ramp without clicks. Windows are short
 * (1.5 ms), so plain loops over them cost less than a deque would and stay bit-exact: a gain of
 * 1.0 averages to exactly 1.0, so signals under the ceiling pass unchanged. Counting the entries
 * below 1.0 lets the loops be skipped while nothing is being limited, with the same result.
 */
public final class TruePeakLimiter implements AudioProcessor {
    private static final double LOOKAHEAD_SECONDS = 0.0015;
    /**
     * The gain computer aims this far under the ceiling: the gain is applied per sample, while an
     * inter-sample peak depends on 16 neighbouring samples whose gains differ slightly, so a peak
     * aimed exactly at the ceiling can land a few millionths of a dB over it.
     */
    private static final double SAFETY_DB = 0.05;

    private double ceiling;
    private double target;
    private double releaseSeconds;
    private int channels;
    private int lookahead;
    private TruePeakDetector[] detectors;
    private float[][] delay;
    private int delayLength;
    private int delayPos;
    private double[] required;
    private int requiredPos;
    private double[] envelope;
    private int envelopePos;
    /** How many entries of {@code required} and {@code envelope} are below 1.0: when none are, both loops are skipped. */
    private int requiredBelowOne;
    private int envelopeBelowOne;
    private double released = 1;
    private double releaseCoefficient;
    private double lastGain = 1;

    /**
     * @param ceilingDbtp the highest true peak the output may reach, in dBTP (for example -1.0)
     * @param releaseMs how fast the gain recovers after a peak
     */
    public TruePeakLimiter(double ceilingDbtp, double releaseMs) {
        setCeilingDbtp(ceilingDbtp);
        this.releaseSeconds = releaseMs / 1000.0;
    }

    @Override
    public void prepare(int sampleRate, int maxBlockFrames, int channelCount) {
        channels = channelCount;
        lookahead = Math.max(2, (int) Math.round(LOOKAHEAD_SECONDS * sampleRate));
        detectors = new TruePeakDetector[channels];
        for (int c = 0; c < channels; c++) {
            detectors[c] = new TruePeakDetector(sampleRate);
        }
        delayLength = TruePeakDetector.DELAY + lookahead + 1;
        delay = new float[channels][delayLength];
        required = new double[lookahead + 2];
        envelope = new double[lookahead];
        releaseCoefficient = Math.exp(-1.0 / (Math.max(1e-4, releaseSeconds) * sampleRate));
        reset();
    }

    @Override
    public int latencyFrames() {
        return TruePeakDetector.DELAY + lookahead;
    }

    @Override
    public void reset() {
        for (TruePeakDetector d : detectors) {
            d.reset();
        }
        for (float[] line : delay) {
            Arrays.fill(line, 0f);
        }
        Arrays.fill(required, 1.0);
        Arrays.fill(envelope, 1.0);
        requiredBelowOne = 0;
        envelopeBelowOne = 0;
        released = 1;
        lastGain = 1;
        delayPos = 0;
        requiredPos = 0;
        envelopePos = 0;
    }

    public void setCeilingDbtp(double ceilingDbtp) {
        ceiling = Decibels.toGain(ceilingDbtp);
        target = Decibels.toGain(ceilingDbtp - SAFETY_DB);
    }

    /** The gain applied to the last processed frame, 1.0 when not limiting; for gain-reduction meters. */
    public double currentGain() {
        return lastGain;
    }

    @Override
    public void process(float[][] buffer, int frames) {
        if (requiredBelowOne == 0 && envelopeBelowOne == 0 && released == 1.0 && quiet(buffer, frames)) {
            passThrough(buffer, frames);
            return;
        }
        for (int i = 0; i < frames; i++) {
            double peak = 0;
            for (int c = 0; c < channels; c++) {
                float x = buffer[c][i];
                peak = Math.max(peak, detectors[c].push(x));
                delay[c][delayPos] = x;
            }
            requiredPos = requiredPos + 1 == required.length ? 0 : requiredPos + 1;
            double need = peak > target ? target / peak : 1.0;
            requiredBelowOne += (need < 1.0 ? 1 : 0) - (required[requiredPos] < 1.0 ? 1 : 0);
            required[requiredPos] = need;

            double hold = 1.0;
            if (requiredBelowOne > 0) {
                for (double r : required) {
                    hold = Math.min(hold, r);
                }
            }
            released = hold < released ? hold : hold - (hold - released) * releaseCoefficient;
            envelopePos = envelopePos + 1 == envelope.length ? 0 : envelopePos + 1;
            envelopeBelowOne += (released < 1.0 ? 1 : 0) - (envelope[envelopePos] < 1.0 ? 1 : 0);
            envelope[envelopePos] = released;

            double gain = 1.0;
            if (envelopeBelowOne > 0) {
                double sum = 0;
                for (double e : envelope) {
                    sum += e;
                }
                gain = Math.min(1.0, sum / envelope.length);
            }
            lastGain = gain;

            int outPos = delayPos + 1 == delayLength ? 0 : delayPos + 1;
            for (int c = 0; c < channels; c++) {
                double y = delay[c][outPos] * gain;
                buffer[c][i] = (float) Math.max(-ceiling, Math.min(ceiling, y));
            }
            delayPos = outPos;
        }
    }

    /**
     * Whether no interpolated peak of this block can reach the target: the detector's output is
     * a weighted sum of its last samples, so it is at most their peak times the sum of the
     * weights' magnitudes. Most blocks of most mixes are far under the ceiling; for them the
     * oversampling is skipped (the render of a sparse MIDI file spent half its time in it).
     */
    private boolean quiet(float[][] buffer, int frames) {
        float peak = 0;
        for (int c = 0; c < channels; c++) {
            peak = Math.max(peak, detectors[c].recentPeak());
            float[] x = buffer[c];
            for (int i = 0; i < frames; i++) {
                peak = Math.max(peak, Math.abs(x[i]));
            }
        }
        return peak * detectors[0].overshootBound() < target;
    }

    /** What {@link #process} computes when every required gain is 1.0, without computing it. */
    private void passThrough(float[][] buffer, int frames) {
        for (int i = 0; i < frames; i++) {
            int outPos = delayPos + 1 == delayLength ? 0 : delayPos + 1;
            for (int c = 0; c < channels; c++) {
                float x = buffer[c][i];
                detectors[c].feed(x);
                delay[c][delayPos] = x;
                double y = delay[c][outPos];
                buffer[c][i] = (float) Math.max(-ceiling, Math.min(ceiling, y));
            }
            delayPos = outPos;
        }
        requiredPos = (requiredPos + frames) % required.length;
        envelopePos = (envelopePos + frames) % envelope.length;
        lastGain = 1.0;
    }
}
