package fermata.core.analysis;

import be.tarsos.dsp.util.fft.FloatFFT;

/**
 * Short-time Fourier transform of one frame at a time with a periodic Hann window, on TarsosDSP's
 * FloatFFT (a port of JTransforms' split-radix real FFT). Frames past the end of the signal are
 * zero-padded. Frame sizes stay at or below 4096, below the size at which FloatFFT starts helper
 * threads, so one analysis uses one core. Not thread-safe: one instance per thread.
 */
public final class Stft {
    private final int size;
    private final float[] window;
    private final float[] buffer;
    private final FloatFFT fft;

    public Stft(int frameSize) {
        if (Integer.bitCount(frameSize) != 1 || frameSize > 4096) {
            throw new IllegalArgumentException("frame size must be a power of two up to 4096: " + frameSize);
        }
        size = frameSize;
        window = new float[frameSize];
        for (int i = 0; i < frameSize; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / frameSize));
        }
        buffer = new float[frameSize];
        fft = new FloatFFT(frameSize);
    }

    public int size() {
        return size;
    }

    /** Number of bins of a magnitude spectrum, DC to Nyquist. */
    public int bins() {
        return size / 2 + 1;
    }

    /** Frames of a hop that start inside a signal of this length (the last ones zero-padded). */
    public static int frameCount(int length, int hop) {
        return length <= 0 ? 0 : (length + hop - 1) / hop;
    }

    /**
     * Windowed real FFT of the frame starting at {@code start}. The result is in FloatFFT's packed
     * layout, returned in an internal buffer valid until the next call: [0] DC, [1] Nyquist, then
     * real and imaginary parts of bins 1..size/2-1 at [2k] and [2k+1].
     */
    public float[] transform(float[] signal, int start) {
        int n = Math.max(0, Math.min(size, signal.length - start));
        for (int i = 0; i < n; i++) {
            buffer[i] = signal[start + i] * window[i];
        }
        for (int i = n; i < size; i++) {
            buffer[i] = 0;
        }
        fft.realForward(buffer);
        return buffer;
    }

    /**
     * Magnitudes of bins 0..size/2 of the frame starting at {@code start}, scaled so that a
     * full-scale sine centred on a bin reads 1.
     */
    public void magnitudes(float[] signal, int start, float[] out) {
        float[] x = transform(signal, start);
        float scale = 4f / size;
        out[0] = Math.abs(x[0]) * scale / 2;
        out[size / 2] = Math.abs(x[1]) * scale / 2;
        for (int k = 1; k < size / 2; k++) {
            float re = x[2 * k];
            float im = x[2 * k + 1];
            out[k] = (float) Math.sqrt(re * re + im * im) * scale;
        }
    }
}
