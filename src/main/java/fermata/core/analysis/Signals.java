package fermata.core.analysis;

/**
 * The signal preparation the analysers share: a mono downmix at about 22 kHz. Tempo, key, chords
 * and pitch need nothing above 11 kHz, and halving the rate of 44.1/48 kHz material halves the
 * cost of every transform after it.
 */
public final class Signals {
    /** The rate the rhythm, tonal and pitch analysers work at, or just above it. */
    public static final int ANALYSIS_RATE = 22_050;
    /** Taps per side per unit of decimation: a transition band of about 10 % of the new rate is plenty here. */
    private static final int DECIMATION_HALF_TAPS = 8;

    private Signals() {
    }

    /** The integer factor that brings a sample rate down to about {@link #ANALYSIS_RATE}. */
    public static int decimationFactor(int sampleRate) {
        return Math.max(1, sampleRate / ANALYSIS_RATE);
    }

    /**
     * Channel average, low-passed and decimated by {@link #decimationFactor}. The low-pass is a
     * Blackman-windowed sinc cut at 0.45 of the new rate; only the kept outputs are computed.
     */
    public static float[] monoForAnalysis(float[][] samples, int sampleRate) {
        int frames = samples[0].length;
        float[] mono = new float[frames];
        float scale = 1f / samples.length;
        for (float[] channel : samples) {
            for (int i = 0; i < frames; i++) {
                mono[i] += channel[i] * scale;
            }
        }
        int factor = decimationFactor(sampleRate);
        if (factor == 1) {
            return mono;
        }
        int taps = 2 * DECIMATION_HALF_TAPS * factor + 1;
        int centre = taps / 2;
        float[] h = new float[taps];
        double cutoff = 0.45 / factor;
        double sum = 0;
        for (int j = 0; j < taps; j++) {
            double t = j - centre;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * j / (taps - 1)) + 0.08 * Math.cos(4 * Math.PI * j / (taps - 1));
            h[j] = (float) (sinc * w);
            sum += h[j];
        }
        for (int j = 0; j < taps; j++) {
            h[j] /= (float) sum;
        }
        int outLength = (frames + factor - 1) / factor;
        float[] out = new float[outLength];
        for (int o = 0; o < outLength; o++) {
            int at = o * factor - centre;
            int jFrom = Math.max(0, -at);
            int jTo = Math.min(taps, frames - at);
            float acc = 0;
            for (int j = jFrom; j < jTo; j++) {
                acc += h[j] * mono[at + j];
            }
            out[o] = acc;
        }
        return out;
    }
}
