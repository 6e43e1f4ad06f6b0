package fermata.core.analysis.rhythm;

import fermata.core.analysis.Stft;

/**
 * Onset strength over time: the spectral flux of log-compressed STFT magnitudes (how much energy
 * appeared in each bin since the previous frame), with its slow trend removed and scaled to unit
 * standard deviation so that thresholds and the beat tracker's weights do not depend on level.
 *
 * <p>1024-sample frames every 256 samples: at 22.05 kHz that is one value per 11.6 ms, fine
 * enough to place beats within 20 ms.
 */
public final class OnsetEnvelope {
    public static final int FRAME = 1024;
    public static final int HOP = 256;
    /** log(1 + C * magnitude) (Math.log, which the JIT intrinsifies; log1p it does not): compresses 60 dB of level range into about 7 units so quiet onsets count. */
    private static final float COMPRESSION = 1000f;
    private static final double TREND_SECONDS = 0.5;

    private final double[] strength;
    private final double frameRate;
    private final double latencySeconds;

    private OnsetEnvelope(double[] strength, double frameRate, double latencySeconds) {
        this.strength = strength;
        this.frameRate = frameRate;
        this.latencySeconds = latencySeconds;
    }

    public static OnsetEnvelope compute(float[] mono, int sampleRate) {
        Stft stft = new Stft(FRAME);
        int frames = Stft.frameCount(mono.length, HOP);
        float[] magnitudes = new float[stft.bins()];
        float[] previous = new float[stft.bins()];
        double[] flux = new double[frames];
        for (int f = 0; f < frames; f++) {
            stft.magnitudes(mono, f * HOP, magnitudes);
            double sum = 0;
            for (int k = 1; k < magnitudes.length; k++) {
                float level = (float) Math.log(1 + COMPRESSION * magnitudes[k]);
                float rise = level - previous[k];
                if (rise > 0 && f > 0) {
                    sum += rise;
                }
                previous[k] = level;
            }
            flux[f] = sum;
        }
        double frameRate = (double) sampleRate / HOP;
        double[] strength = normalise(detrend(flux, (int) Math.round(TREND_SECONDS * frameRate)));
        // Frames advance over an onset, so it enters each window at its end; with the log
        // compression the largest rise comes while it crosses the last third of the window
        // (measured on clicks: the peak frame starts two thirds of a frame before the onset).
        double latency = 2.0 / 3.0 * FRAME / sampleRate;
        return new OnsetEnvelope(strength, frameRate, latency);
    }

    private static double[] detrend(double[] x, int half) {
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(x.length, i + half + 1);
            double mean = (prefix[hi] - prefix[lo]) / (hi - lo);
            out[i] = Math.max(0, x[i] - mean);
        }
        return out;
    }

    private static double[] normalise(double[] x) {
        double sum = 0;
        double sumSq = 0;
        for (double v : x) {
            sum += v;
            sumSq += v * v;
        }
        double mean = x.length == 0 ? 0 : sum / x.length;
        double sd = x.length == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / x.length - mean * mean));
        if (sd > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= sd;
            }
        }
        return x;
    }

    /** Onset strength per frame, unit standard deviation; do not modify. */
    public double[] strength() {
        return strength;
    }

    public int length() {
        return strength.length;
    }

    /** Frames per second. */
    public double frameRate() {
        return frameRate;
    }

    /** The time in seconds an onset peaking at a (fractional) frame happened. */
    public double timeOf(double frame) {
        return frame / frameRate + latencySeconds;
    }

    /** The frame nearest to a time, clamped to the envelope. */
    public int frameAt(double seconds) {
        return (int) Math.max(0, Math.min(strength.length - 1, Math.round((seconds - latencySeconds) * frameRate)));
    }

    /** Sub-frame position of the peak at or next to frame i, by a parabola through three values. */
    public double refinePeak(int i) {
        if (i <= 0 || i >= strength.length - 1) {
            return i;
        }
        double a = strength[i - 1];
        double b = strength[i];
        double c = strength[i + 1];
        double denominator = a - 2 * b + c;
        if (b < a || b < c || denominator >= 0) {
            return i;
        }
        return i + 0.5 * (a - c) / denominator;
    }
}
