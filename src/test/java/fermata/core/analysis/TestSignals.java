package fermata.core.analysis;

import java.util.Arrays;
import java.util.Random;

/** Synthetic signals with known answers, built sample by sample so each test says what it plays. */
public final class TestSignals {
    private TestSignals() {
    }

    public static double dbToLinear(double db) {
        return Math.pow(10, db / 20);
    }

    /** A sine of a peak level in dBFS. */
    public static float[] sine(double frequency, double dbfs, double seconds, int sampleRate) {
        return sine(frequency, dbfs, 0, seconds, sampleRate);
    }

    public static float[] sine(double frequency, double dbfs, double phaseDegrees, double seconds, int sampleRate) {
        int n = (int) Math.round(seconds * sampleRate);
        float[] out = new float[n];
        double a = dbToLinear(dbfs);
        double phase = Math.toRadians(phaseDegrees);
        for (int i = 0; i < n; i++) {
            out[i] = (float) (a * Math.sin(2 * Math.PI * frequency * i / sampleRate + phase));
        }
        return out;
    }

    /** A sine wave of a linear amplitude, continuous phase, starting at a given sample index. */
    public static float[] sineLinear(double frequency, double amplitude, double phaseDegrees, int frames,
                                     int sampleRate) {
        float[] out = new float[frames];
        double phase = Math.toRadians(phaseDegrees);
        for (int i = 0; i < frames; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate + phase));
        }
        return out;
    }

    public static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The same signal on every channel. */
    public static float[][] channels(float[] signal, int count) {
        float[][] out = new float[count][];
        for (int c = 0; c < count; c++) {
            out[c] = signal.clone();
        }
        return out;
    }

    public static float[] whiteNoise(double rms, double seconds, int sampleRate, long seed) {
        Random random = new Random(seed);
        float[] out = new float[(int) Math.round(seconds * sampleRate)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (rms * random.nextGaussian());
        }
        return out;
    }

    /** Equal-tempered frequency of a MIDI key (A4 = 69 = 440 Hz). */
    public static double midiHz(int key) {
        return 440 * Math.pow(2, (key - 69) / 12.0);
    }

    /**
     * A harmonic tone: partials 1..harmonics with amplitude 1/h (a soft sawtooth-like spectrum),
     * with 10 ms fades so that note boundaries do not click.
     */
    public static void addTone(float[] out, int sampleRate, double frequency, double amplitude, double start,
                               double seconds, int harmonics) {
        int from = (int) Math.round(start * sampleRate);
        int n = (int) Math.round(seconds * sampleRate);
        int fade = Math.min(n / 2, sampleRate / 100);
        for (int i = 0; i < n && from + i < out.length; i++) {
            double env = Math.min(1, Math.min(i, n - 1 - i) / (double) fade);
            double t = (double) i / sampleRate;
            double v = 0;
            for (int h = 1; h <= harmonics && h * frequency < sampleRate / 2.0; h++) {
                v += Math.sin(2 * Math.PI * h * frequency * t) / h;
            }
            out[from + i] += (float) (amplitude * env * v);
        }
    }

    /** Clicks: 5 ms decaying noise bursts at the given times. */
    public static float[] clicks(double[] times, double seconds, int sampleRate, double amplitude) {
        float[] out = new float[(int) Math.round(seconds * sampleRate)];
        Random random = new Random(7);
        int len = sampleRate / 200;
        for (double t : times) {
            int at = (int) Math.round(t * sampleRate);
            for (int i = 0; i < len && at + i < out.length; i++) {
                out[at + i] += (float) (amplitude * Math.exp(-i / (len / 5.0)) * (random.nextDouble() * 2 - 1));
            }
        }
        return out;
    }

    /** Click times of a steady tempo from a start time to an end time. */
    public static double[] beatTimes(double bpm, double start, double end) {
        int n = (int) Math.floor((end - start) * bpm / 60) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = start + i * 60 / bpm;
        }
        return Arrays.stream(out).filter(t -> t < end).toArray();
    }
}
