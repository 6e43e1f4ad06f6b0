package fermata.core.mix;

import fermata.core.dsp.RealFft;

/**
 * Hann-windowed frames at a quarter-frame hop, their spectra, and overlap-add resynthesis with the
 * same window: with a periodic Hann window at 75 % overlap the squared windows sum to 1.5, so the
 * output is scaled by 1/1.5 and an unchanged spectrum gives back the input exactly.
 */
final class SpectralFrames {
    private final int size;
    private final float[] window;
    private final float[] buffer;
    private final RealFft fft;

    SpectralFrames(int size) {
        this.size = size;
        window = new float[size];
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
        }
        buffer = new float[size];
        fft = new RealFft(size);
    }

    /** Frames of a quarter-size hop that fit inside a signal, at least one if the signal is one frame long. */
    static int analysisFrameCount(int length, int size) {
        return length < size ? 0 : 1 + (length - size) / (size / 4);
    }

    /** Packed spectrum of the windowed frame starting at {@code start} (zero outside the signal); valid until the next call. */
    float[] analyse(float[] signal, int start) {
        for (int i = 0; i < size; i++) {
            int at = start + i;
            buffer[i] = at >= 0 && at < signal.length ? signal[at] * window[i] : 0f;
        }
        fft.forward(buffer);
        return buffer;
    }

    /** Inverse-transforms {@code spectrum} (packed, changed in place) and adds it, windowed, to {@code out} at {@code start}. */
    void synthesise(float[] spectrum, float[] out, int start) {
        fft.inverse(spectrum);
        float scale = 1f / 1.5f;
        int from = Math.max(0, -start);
        int to = Math.min(size, out.length - start);
        for (int i = from; i < to; i++) {
            out[start + i] += spectrum[i] * window[i] * scale;
        }
    }

    /** Adds |X(k)|^2 of a packed spectrum to {@code sum[k]}. */
    static void addPower(float[] spectrum, double[] sum) {
        int half = spectrum.length / 2;
        sum[0] += (double) spectrum[0] * spectrum[0];
        sum[half] += (double) spectrum[1] * spectrum[1];
        for (int k = 1; k < half; k++) {
            double re = spectrum[2 * k];
            double im = spectrum[2 * k + 1];
            sum[k] += re * re + im * im;
        }
    }
}
