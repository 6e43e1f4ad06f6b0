package fermata.core.analysis.spectrum;

import fermata.core.analysis.Stft;

/**
 * Mel-frequency cepstral coefficients, the usual timbre summary: magnitude spectra of Hann frames,
 * a triangular mel filter bank (Slaney-style mel scale), log energies, and a DCT-II. Coefficient 0
 * follows overall level; the next few the spectral envelope's shape.
 */
public final class Mfcc {
    public static final int FRAME = 2048;
    public static final int HOP = 1024;
    public static final int BANDS = 40;
    public static final int COEFFICIENTS = 13;

    private Mfcc() {
    }

    /** One row of {@value #COEFFICIENTS} coefficients per frame of the mono signal. */
    public static double[][] of(float[] mono, int sampleRate) {
        Stft stft = new Stft(FRAME);
        double[][] filters = melFilters(stft.bins(), sampleRate, 30, Math.min(8000, sampleRate / 2.0));
        int frames = Math.max(1, mono.length <= FRAME ? 1 : 1 + (mono.length - FRAME) / HOP);
        float[] magnitude = new float[stft.bins()];
        double[] logEnergy = new double[BANDS];
        double[][] out = new double[frames][COEFFICIENTS];
        for (int f = 0; f < frames; f++) {
            stft.magnitudes(mono, f * HOP, magnitude);
            for (int b = 0; b < BANDS; b++) {
                double e = 0;
                double[] w = filters[b];
                for (int k = 0; k < w.length; k++) {
                    if (w[k] != 0) {
                        e += w[k] * magnitude[k] * magnitude[k];
                    }
                }
                logEnergy[b] = Math.log(e + 1e-10);
            }
            for (int c = 0; c < COEFFICIENTS; c++) {
                double sum = 0;
                for (int b = 0; b < BANDS; b++) {
                    sum += logEnergy[b] * Math.cos(Math.PI * c * (b + 0.5) / BANDS);
                }
                out[f][c] = sum * Math.sqrt((c == 0 ? 1.0 : 2.0) / BANDS);
            }
        }
        return out;
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    private static double[][] melFilters(int bins, int sampleRate, double low, double high) {
        double[] edges = new double[BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(mel(low) + (mel(high) - mel(low)) * i / (BANDS + 1));
        }
        double binHz = sampleRate / (2.0 * (bins - 1));
        double[][] filters = new double[BANDS][bins];
        for (int b = 0; b < BANDS; b++) {
            for (int k = 0; k < bins; k++) {
                double f = k * binHz;
                double up = (f - edges[b]) / (edges[b + 1] - edges[b]);
                double down = (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1]);
                filters[b][k] = Math.max(0, Math.min(up, down));
            }
        }
        return filters;
    }
}
