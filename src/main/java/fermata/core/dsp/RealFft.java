package fermata.core.dsp;

import be.tarsos.dsp.util.fft.FloatFFT;

/**
 * Forward and inverse real FFT in place, on TarsosDSP's FloatFFT (a port of JTransforms' split-radix
 * transform), for processors that change a spectrum and resynthesise it (the denoiser). Packed
 * layout: [0] DC, [1] Nyquist, then the real and imaginary parts of bin k at [2k] and [2k+1].
 * Sizes stay at or below 4096, below the size at which FloatFFT starts helper threads. Not
 * thread-safe: one instance per thread.
 */
public final class RealFft {
    private final int size;
    private final FloatFFT fft;

    public RealFft(int size) {
        if (Integer.bitCount(size) != 1 || size < 16 || size > 4096) {
            throw new IllegalArgumentException("FFT size must be a power of two from 16 to 4096: " + size);
        }
        this.size = size;
        this.fft = new FloatFFT(size);
    }

    public int size() {
        return size;
    }

    /** Time signal of {@code size} samples to its packed spectrum, in place. */
    public void forward(float[] data) {
        fft.realForward(data);
    }

    /** Packed spectrum back to {@code size} samples, in place, scaled so that inverse(forward(x)) = x. */
    public void inverse(float[] data) {
        fft.realInverse(data, true);
    }
}
