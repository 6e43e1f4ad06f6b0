package fermata.core.analysis.loudness;

import fermata.core.dsp.KWeighting;
import fermata.core.dsp.TruePeakDetector;

import java.util.Arrays;

/**
 * A streaming loudness meter after ITU-R BS.1770-4, EBU R128, EBU Tech 3341 and Tech 3342: feed
 * blocks of any length with {@link #process}, read momentary, short-term, integrated loudness,
 * loudness range, true peak, sample peak and clipped samples at any time.
 *
 * <p>The K-weighted signal is summed per 100 ms step; momentary (400 ms) and short-term (3 s)
 * values are means over the last 4 and 30 steps, one value per step, which is the 75 % overlap
 * BS.1770 gates with and the 10 Hz rate Tech 3342 asks for. Memory grows by two doubles per
 * 100 ms (about 6 MB for 10 hours), so any length of programme fits without its samples.
 */
public final class LoudnessMeter {
    private static final double LOUDNESS_OFFSET = -0.691;
    private static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double RELATIVE_GATE_LU = -10;
    private static final double RANGE_RELATIVE_GATE_LU = -20;
    private static final int MOMENTARY_STEPS = 4;
    private static final int SHORT_TERM_STEPS = 30;
    /** The largest 16-bit code: a sample at or beyond it is counted as clipped, whatever the file's bit depth. */
    public static final float CLIP_LEVEL = 32767f / 32768f;

    private final int sampleRate;
    private final double[] weights;
    private final KWeighting[] filters;
    private final TruePeakDetector[] truePeaks;
    private final double[] stepSums;
    private long stepIndex;
    private long stepStart;
    private long stepEnd;
    private long framesSeen;

    private final double[] recentSums = new double[SHORT_TERM_STEPS];
    private final long[] recentLengths = new long[SHORT_TERM_STEPS];
    private final DoubleList momentaryEnergies = new DoubleList();
    private final DoubleList shortTermEnergies = new DoubleList();
    private float samplePeak;
    private long clipped;
    /** False for {@link #integratedLufs(float[][], int)}, which skips the 4x-oversampled true peak. */
    private final boolean truePeak;

    /** A meter with the BS.1770 weights for this channel count (see {@link ChannelWeights}). */
    public LoudnessMeter(int channels, int sampleRate) {
        this(sampleRate, ChannelWeights.forChannelCount(channels));
    }

    public LoudnessMeter(int sampleRate, double[] channelWeights) {
        this(sampleRate, channelWeights, true);
    }

    private LoudnessMeter(int sampleRate, double[] channelWeights, boolean truePeak) {
        this.truePeak = truePeak;
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("sample rate must be at least 8000 Hz, was " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.weights = channelWeights.clone();
        int channels = weights.length;
        filters = new KWeighting[channels];
        truePeaks = new TruePeakDetector[channels];
        for (int c = 0; c < channels; c++) {
            filters[c] = new KWeighting(sampleRate);
            truePeaks[c] = new TruePeakDetector(sampleRate);
        }
        stepSums = new double[channels];
        stepEnd = stepBoundary(1);
    }

    /** Measures a whole programme at once. */
    public static LoudnessResult measure(float[][] samples, int sampleRate) {
        LoudnessMeter meter = new LoudnessMeter(samples.length, sampleRate);
        meter.process(samples);
        return meter.result();
    }

    /**
     * The integrated loudness of a whole programme alone, without the true peak, which costs more
     * than the loudness itself: for callers that measure many signals (automix's stems).
     */
    public static double integratedLufs(float[][] samples, int sampleRate) {
        LoudnessMeter meter = new LoudnessMeter(sampleRate, ChannelWeights.forChannelCount(samples.length), false);
        meter.process(samples);
        return meter.integratedLufs();
    }

    public int channels() {
        return weights.length;
    }

    public void process(float[][] block) {
        process(block, 0, block.length == 0 ? 0 : block[0].length);
    }

    /** Feeds frames [offset, offset + frames) of a planar block (one array per channel). */
    public void process(float[][] block, int offset, int frames) {
        if (block.length != weights.length) {
            throw new IllegalArgumentException("block has " + block.length + " channels, meter " + weights.length);
        }
        int pos = offset;
        int end = offset + frames;
        while (pos < end) {
            int chunk = (int) Math.min(end - pos, stepEnd - framesSeen);
            for (int c = 0; c < weights.length; c++) {
                float[] x = block[c];
                if (weights[c] != 0) {
                    stepSums[c] += filters[c].sumOfSquares(x, pos, pos + chunk);
                }
                if (truePeak) {
                    truePeaks[c].process(x, pos, pos + chunk);
                }
                scanPeaks(x, pos, pos + chunk);
            }
            pos += chunk;
            framesSeen += chunk;
            if (framesSeen == stepEnd) {
                closeStep();
            }
        }
    }

    private void scanPeaks(float[] x, int from, int to) {
        float peak = samplePeak;
        long clips = 0;
        for (int i = from; i < to; i++) {
            float a = Math.abs(x[i]);
            if (a > peak) {
                peak = a;
            }
            if (a >= CLIP_LEVEL) {
                clips++;
            }
        }
        samplePeak = peak;
        clipped += clips;
    }

    private long stepBoundary(long step) {
        return step * sampleRate / 10;
    }

    private void closeStep() {
        double weighted = 0;
        for (int c = 0; c < weights.length; c++) {
            weighted += weights[c] * stepSums[c];
            stepSums[c] = 0;
        }
        int slot = (int) (stepIndex % SHORT_TERM_STEPS);
        recentSums[slot] = weighted;
        recentLengths[slot] = stepEnd - stepStart;
        stepIndex++;
        if (stepIndex >= MOMENTARY_STEPS) {
            momentaryEnergies.add(meanOfLast(MOMENTARY_STEPS));
        }
        if (stepIndex >= SHORT_TERM_STEPS) {
            shortTermEnergies.add(meanOfLast(SHORT_TERM_STEPS));
        }
        stepStart = stepEnd;
        stepEnd = stepBoundary(stepIndex + 1);
    }

    private double meanOfLast(int steps) {
        double sum = 0;
        long length = 0;
        for (int k = 1; k <= steps; k++) {
            int slot = (int) ((stepIndex - k) % SHORT_TERM_STEPS);
            sum += recentSums[slot];
            length += recentLengths[slot];
        }
        return sum / length;
    }

    static double lufs(double energy) {
        return energy <= 0 ? Double.NEGATIVE_INFINITY : LOUDNESS_OFFSET + 10 * Math.log10(energy);
    }

    private static double energyOf(double lufs) {
        return Math.pow(10, (lufs - LOUDNESS_OFFSET) / 10);
    }

    /** Loudness of the last complete 400 ms, or -infinity before the first. */
    public double momentaryLufs() {
        return momentaryEnergies.size() == 0 ? Double.NEGATIVE_INFINITY : lufs(momentaryEnergies.last());
    }

    /** Loudness of the last complete 3 s, or -infinity before the first. */
    public double shortTermLufs() {
        return shortTermEnergies.size() == 0 ? Double.NEGATIVE_INFINITY : lufs(shortTermEnergies.last());
    }

    /** Momentary loudness every 100 ms, the first at 0.4 s. */
    public double[] momentarySeries() {
        return toLufs(momentaryEnergies);
    }

    /** Short-term loudness every 100 ms, the first at 3 s. */
    public double[] shortTermSeries() {
        return toLufs(shortTermEnergies);
    }

    private static double[] toLufs(DoubleList energies) {
        double[] out = new double[energies.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lufs(energies.get(i));
        }
        return out;
    }

    /** Gated integrated loudness of everything fed so far (BS.1770-4 section 2.8). */
    public double integratedLufs() {
        double absoluteEnergy = energyOf(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < momentaryEnergies.size(); i++) {
            double e = momentaryEnergies.get(i);
            if (e > absoluteEnergy) {
                sum += e;
                n++;
            }
        }
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeEnergy = Math.max(absoluteEnergy, sum / n * Math.pow(10, RELATIVE_GATE_LU / 10));
        sum = 0;
        n = 0;
        for (int i = 0; i < momentaryEnergies.size(); i++) {
            double e = momentaryEnergies.get(i);
            if (e > relativeEnergy) {
                sum += e;
                n++;
            }
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : lufs(sum / n);
    }

    /**
     * Loudness range per EBU Tech 3342: short-term values above -70 LUFS and above 20 LU below
     * their energy mean, then the spread between the 10th and the 95th percentile. 0 when fewer
     * than two values pass the gates.
     */
    public double loudnessRangeLu() {
        double absoluteEnergy = energyOf(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < shortTermEnergies.size(); i++) {
            double e = shortTermEnergies.get(i);
            if (e > absoluteEnergy) {
                sum += e;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double relativeEnergy = sum / n * Math.pow(10, RANGE_RELATIVE_GATE_LU / 10);
        double[] gated = new double[n];
        int m = 0;
        for (int i = 0; i < shortTermEnergies.size(); i++) {
            double e = shortTermEnergies.get(i);
            if (e > absoluteEnergy && e > relativeEnergy) {
                gated[m++] = lufs(e);
            }
        }
        if (m < 2) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(gated, m);
        Arrays.sort(sorted);
        return percentile(sorted, 0.95) - percentile(sorted, 0.10);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.round((sorted.length - 1) * p)];
    }

    public double momentaryMaxLufs() {
        return lufs(momentaryEnergies.max());
    }

    public double shortTermMaxLufs() {
        return lufs(shortTermEnergies.max());
    }

    /** True peak of one channel in dBTP. */
    public double truePeakDbtp(int channel) {
        return db(truePeaks[channel].peak());
    }

    public double truePeakDbtp() {
        double max = 0;
        for (TruePeakDetector d : truePeaks) {
            max = Math.max(max, d.peak());
        }
        return db(max);
    }

    public double samplePeakDbfs() {
        return db(samplePeak);
    }

    public long clippedSamples() {
        return clipped;
    }

    public LoudnessResult result() {
        return new LoudnessResult(integratedLufs(), loudnessRangeLu(), truePeakDbtp(), samplePeakDbfs(),
                momentaryMaxLufs(), shortTermMaxLufs(), clipped);
    }

    private static double db(double linear) {
        return linear <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(linear);
    }

    /** A growable list of doubles without boxing. */
    private static final class DoubleList {
        private double[] values = new double[256];
        private int size;
        private double max;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
            max = Math.max(max, v);
        }

        int size() {
            return size;
        }

        double get(int i) {
            return values[i];
        }

        double last() {
            return values[size - 1];
        }

        double max() {
            return max;
        }
    }
}
