package fermata.core.mix;

import fermata.core.analysis.Stft;

/**
 * Long-term average spectrum in octave bands from 31.5 Hz to 16 kHz (the ten ISO 266 centres),
 * as band power in dB. What the mixer compares stems, the mix and references with.
 */
public final class OctaveBands {
    public static final double[] CENTRES = {31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};
    static final int FFT_SIZE = 4096;

    private OctaveBands() {
    }

    /** Band of a frequency, or -1 outside 22 Hz .. 22.6 kHz. */
    static int bandOf(double hz) {
        for (int b = 0; b < CENTRES.length; b++) {
            if (hz >= CENTRES[b] / Math.sqrt(2) && hz < CENTRES[b] * Math.sqrt(2)) {
                return b;
            }
        }
        return -1;
    }

    /** Band index of each FFT bin at this rate (-1 outside the bands). */
    static int[] binBands(int sampleRate) {
        int[] bands = new int[FFT_SIZE / 2 + 1];
        for (int k = 0; k < bands.length; k++) {
            bands[k] = bandOf((double) k * sampleRate / FFT_SIZE);
        }
        return bands;
    }

    /** Mean power per band of a mono signal in dB (frames of {@value #FFT_SIZE}, no overlap), -150 for empty bands. */
    public static double[] levels(float[] mono, int sampleRate) {
        Stft stft = new Stft(FFT_SIZE);
        int[] bands = binBands(sampleRate);
        double[] sum = new double[CENTRES.length];
        float[] magnitudes = new float[stft.bins()];
        int frames = 0;
        for (int start = 0; start < mono.length; start += FFT_SIZE) {
            stft.magnitudes(mono, start, magnitudes);
            for (int k = 0; k < magnitudes.length; k++) {
                if (bands[k] >= 0) {
                    sum[bands[k]] += (double) magnitudes[k] * magnitudes[k];
                }
            }
            frames++;
        }
        double[] db = new double[CENTRES.length];
        for (int b = 0; b < db.length; b++) {
            db[b] = sum[b] <= 0 || frames == 0 ? -150 : 10 * Math.log10(sum[b] / frames);
        }
        return db;
    }

    /** Planar stereo or mono to mono (mean of the channels). */
    static float[] mono(float[][] samples) {
        if (samples.length == 1) {
            return samples[0];
        }
        float[] out = new float[samples[0].length];
        for (float[] channel : samples) {
            for (int i = 0; i < out.length; i++) {
                out[i] += channel[i] / samples.length;
            }
        }
        return out;
    }
}
