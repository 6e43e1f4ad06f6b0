package fermata.core.dsp;

import java.util.Arrays;

/**
 * Estimates the true (inter-sample) peak of one channel by 4x oversampling, as ITU-R BS.1770
 * Annex 2 describes: a polyphase windowed-sinc interpolator of 16 taps per phase evaluates the
 * signal at each sample and three points between it and the next. Phase 0 is the sample itself,
 * so the estimate is never below the sample peak. Pre-allocated; safe on the audio thread.
 */
public final class TruePeakDetector {
    public static final int OVERSAMPLING = 4;
    private static final int TAPS = 16;
    /** The interpolated points lie this many input samples behind the newest sample. */
    public static final int DELAY = TAPS / 2 - 1;
    private static final double[][] PHASES = design();

    private final double[] history = new double[TAPS];
    private int newest;

    private static double[][] design() {
        double halfWidth = TAPS / 2.0 + 1;
        double beta = 8.0;
        double[][] phases = new double[OVERSAMPLING][TAPS];
        for (int p = 0; p < OVERSAMPLING; p++) {
            double sum = 0;
            for (int j = 0; j < TAPS; j++) {
                double u = j - DELAY - (double) p / OVERSAMPLING;
                double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
                double r = u / halfWidth;
                double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
                phases[p][j] = sinc * window;
                sum += phases[p][j];
            }
            for (int j = 0; j < TAPS; j++) {
                phases[p][j] /= sum;
            }
        }
        return phases;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    /**
     * Takes the next sample and returns the largest magnitude among the sample {@link #DELAY}
     * samples back and the three interpolated points after it.
     */
    public double push(double sample) {
        newest = (newest + 1) % TAPS;
        history[newest] = sample;
        double peak = 0;
        for (int p = 0; p < OVERSAMPLING; p++) {
            double[] h = PHASES[p];
            double acc = 0;
            int idx = newest;
            for (int j = 0; j < TAPS; j++) {
                acc += h[j] * history[idx];
                idx = idx == 0 ? TAPS - 1 : idx - 1;
            }
            peak = Math.max(peak, Math.abs(acc));
        }
        return peak;
    }

    public void reset() {
        Arrays.fill(history, 0);
    }

    /** The true peak of a whole signal, for tests and offline measurement; flushes the filter at the end. */
    public static double measure(float[] signal, int frames) {
        TruePeakDetector d = new TruePeakDetector();
        double peak = 0;
        for (int i = 0; i < frames; i++) {
            peak = Math.max(peak, d.push(signal[i]));
        }
        for (int i = 0; i < TAPS; i++) {
            peak = Math.max(peak, d.push(0));
        }
        return peak;
    }
}
