package fermata.core.analysis.tonal;

import fermata.core.analysis.Stft;

/**
 * Pitch-class energy over time: for each frame, the twelve-bin chroma of everything from 50 Hz to
 * 5 kHz and a bass chroma of 50-250 Hz (chord roots live there; it tells Dsus4 from Gsus2).
 *
 * <p>From audio, the chroma is built from spectral peaks, each placed at its interpolated
 * frequency, rather than from whole bins: a 4096-point frame at 22 kHz has 5.4 Hz bins, wider than
 * a semitone below 90 Hz, but a peak's centre is still accurate to a few cents. Tuning is
 * estimated first (the weighted circular mean of every peak's deviation from the 440 Hz grid) so a
 * recording a quarter-tone off still folds onto the right classes.
 *
 * @param chroma frames x 12 energies, not normalised: what chords are read from
 * @param keyChroma the same with overtones given back to their fundamentals
 *     ({@link #suppressHarmonics}): what the key is read from; equal to {@code chroma} for MIDI
 * @param bass frames x 12 energies of the bass range
 * @param frameSeconds the hop between frames in seconds
 * @param offsetSeconds where the first frame's share of time ends, less one hop: frame i stands
 *     for [boundary(i), boundary(i + 1)), the hop around its window's centre
 * @param tuningCents the reference's offset from A = 440 Hz, -50..50
 */
public record Chromagram(double[][] chroma, double[][] keyChroma, double[][] bass, double frameSeconds,
                         double offsetSeconds, double tuningCents) {
    public static final int FRAME = 4096;
    public static final int HOP = 2048;
    private static final double MIN_HZ = 50;
    private static final double MAX_HZ = 5000;
    private static final double BASS_MAX_HZ = 250;
    /** Peaks more than 40 dB below the frame's strongest are noise and side lobes. */
    private static final double PEAK_FLOOR = 0.01;
    private static final double HARMONIC_CENTS = 30;
    private static final double HARMONIC_DECAY = 0.8;
    private static final double HARMONIC_LOW = Math.pow(2, -HARMONIC_CENTS / 1200);
    private static final double HARMONIC_HIGH = Math.pow(2, HARMONIC_CENTS / 1200);
    /** HARMONIC_DECAY^(h-1) for harmonic h (3, 5, 6, 7; the 4th is the same pitch class). */
    private static final double[] HARMONIC_WEIGHT = new double[8];

    static {
        for (int h = 3; h < HARMONIC_WEIGHT.length; h++) {
            HARMONIC_WEIGHT[h] = Math.pow(HARMONIC_DECAY, h - 1);
        }
    }

    public int frames() {
        return chroma.length;
    }

    public static Chromagram of(float[] mono, int sampleRate) {
        Stft stft = new Stft(FRAME);
        // frames whose window centre lies inside the signal, so the end is not a padded half-frame
        int frames = mono.length <= FRAME / 2 ? 1 : (mono.length - FRAME / 2 + HOP - 1) / HOP;
        float[] mag = new float[stft.bins()];
        float[][] peakHz = new float[frames][];
        float[][] peakAmp = new float[frames][];
        float[][] peakKeyAmp = new float[frames][];
        double binHz = (double) sampleRate / FRAME;
        int kMin = Math.max(2, (int) Math.floor(MIN_HZ / binHz));
        int kMax = Math.min(stft.bins() - 2, (int) Math.ceil(MAX_HZ / binHz));
        float[] hz = new float[kMax];
        float[] amp = new float[kMax];
        double sin = 0;
        double cos = 0;
        for (int f = 0; f < frames; f++) {
            stft.magnitudes(mono, f * HOP, mag);
            float max = 0;
            for (int k = kMin; k <= kMax; k++) {
                max = Math.max(max, mag[k]);
            }
            int count = 0;
            float floor = (float) Math.max(1e-6, PEAK_FLOOR * max);
            for (int k = kMin; k <= kMax; k++) {
                float m = mag[k];
                if (m > floor && m > mag[k - 1] && m >= mag[k + 1]) {
                    double a = Math.log(mag[k - 1] + 1e-12);
                    double b = Math.log(m);
                    double c = Math.log(mag[k + 1] + 1e-12);
                    double d = a - 2 * b + c;
                    double delta = d < 0 ? 0.5 * (a - c) / d : 0;
                    hz[count] = (float) ((k + delta) * binHz);
                    amp[count] = (float) Math.exp(b - 0.25 * (a - c) * delta);
                    double deviation = 2 * Math.PI * centsFrom440(hz[count]) / 100;
                    sin += amp[count] * Math.sin(deviation);
                    cos += amp[count] * Math.cos(deviation);
                    count++;
                }
            }
            peakHz[f] = java.util.Arrays.copyOf(hz, count);
            peakAmp[f] = java.util.Arrays.copyOf(amp, count);
            suppressHarmonics(hz, amp, count);
            peakKeyAmp[f] = java.util.Arrays.copyOf(amp, count);
        }
        double tuning = sin == 0 && cos == 0 ? 0 : Math.atan2(sin, cos) * 100 / (2 * Math.PI);
        double[][] chroma = new double[frames][12];
        double[][] keyChroma = new double[frames][12];
        double[][] bass = new double[frames][12];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < peakHz[f].length; i++) {
                double midi = 69 + (centsFrom440(peakHz[f][i]) - tuning) / 100;
                int pc = Math.floorMod((int) Math.round(midi), 12);
                chroma[f][pc] += peakAmp[f][i];
                keyChroma[f][pc] += peakKeyAmp[f][i];
                if (peakHz[f][i] <= BASS_MAX_HZ) {
                    bass[f][pc] += peakAmp[f][i];
                }
            }
        }
        return new Chromagram(chroma, keyChroma, bass, (double) HOP / sampleRate, (FRAME - HOP) / 2.0 / sampleRate,
                tuning);
    }

    /**
     * Moves what a lower peak's overtones explain back to that peak: the 3rd, 5th, 6th and 7th
     * harmonics of a note fall on other pitch classes (its fifth, major third and minor seventh),
     * and left in the chroma they pull every key estimate a fifth up and minor keys towards major.
     * A peak within {@value #HARMONIC_CENTS} cents of h times a lower one gives up as much as
     * that note's h-th harmonic would have, {@code HARMONIC_DECAY^(h-1)} of its amplitude.
     */
    static void suppressHarmonics(float[] hz, float[] amp, int count) {
        for (int i = count - 1; i > 0; i--) {
            for (int j = i - 1; j >= 0 && amp[i] > 0; j--) {
                double ratio = hz[i] / hz[j];
                if (ratio < 2.5) {
                    continue;
                }
                if (ratio > 7.5) {
                    break;
                }
                int h = (int) Math.round(ratio);
                double deviation = ratio / h;
                if (h != 4 && deviation > HARMONIC_LOW && deviation < HARMONIC_HIGH) {
                    float moved = (float) Math.min(amp[i], amp[j] * HARMONIC_WEIGHT[h]);
                    amp[i] -= moved;
                    amp[j] += moved;
                }
            }
        }
    }

    private static double centsFrom440(double hz) {
        return 1200 * Math.log(hz / 440) / Math.log(2);
    }

    /** Start time of frame i's share of the timeline; 0 for the first frame. */
    public double boundary(int frame) {
        return frame == 0 ? 0 : offsetSeconds + frame * frameSeconds;
    }

    /** Sum of all frames' key chroma. */
    public double[] total() {
        return sum(0, chroma.length);
    }

    /** Sum of the key chroma of frames [from, to). */
    public double[] sum(int from, int to) {
        double[] out = new double[12];
        for (int f = Math.max(0, from); f < Math.min(to, keyChroma.length); f++) {
            for (int pc = 0; pc < 12; pc++) {
                out[pc] += keyChroma[f][pc];
            }
        }
        return out;
    }
}
