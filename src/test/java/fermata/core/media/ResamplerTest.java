package fermata.core.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {

    private static float[] sine(double frequency, double amplitude, int rate, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return x;
    }

    /** Resamples in blocks of {@code block} frames, as a streaming caller does. */
    private static float[][] resample(float[][] in, int inRate, int outRate, int block) {
        int channels = in.length;
        int frames = in[0].length;
        try (Resampler resampler = new Resampler(channels, inRate, outRate)) {
            float[][] out = new float[channels][(int) Resampler.outputLength(frames, inRate, outRate) + 1];
            float[][] chunk = new float[channels][resampler.maxOutputFrames(block)];
            int written = 0;
            for (int done = 0; done < frames; done += block) {
                int count = Math.min(block, frames - done);
                int produced = resampler.process(in, done, count, chunk, 0);
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(chunk[c], 0, out[c], written, produced);
                }
                written += produced;
            }
            float[][] tail = resampler.finish();
            for (int c = 0; c < channels; c++) {
                System.arraycopy(tail[c], 0, out[c], written, tail[c].length);
            }
            written += tail[0].length;
            float[][] exact = new float[channels][written];
            for (int c = 0; c < channels; c++) {
                System.arraycopy(out[c], 0, exact[c], 0, written);
            }
            return exact;
        }
    }

    /** The level in dB, relative to the strongest bin, of the strongest other bin (10 Hz bins). */
    private static double worstSpuriousDb(float[] x, int start, int n, int signalBin) {
        double signal = Spectra.magnitude(x, start, n, signalBin);
        double worst = 0;
        for (int k = 1; k < n / 2; k++) {
            if (k != signalBin) {
                worst = Math.max(worst, Spectra.magnitude(x, start, n, k));
            }
        }
        return 20 * Math.log10(worst / signal);
    }

    @Test
    void upsampledSineKeepsFrequencyPhaseAndHasNoImagesAboveMinus90Db() {
        float[] in = sine(1000, 0.5, 44100, 2 * 44100);
        float[] out = resample(new float[][] {in}, 44100, 48000, 4096)[0];
        assertEquals(96000, out.length);
        // 4800 frames from the middle hold exactly 100 periods: bins are 10 Hz and need no window.
        int start = 48000;
        assertEquals(1000.0, Spectra.peakFrequency(out, start, 4800, 48000), 0.01);
        assertEquals(0.5, Spectra.magnitude(out, start, 4800, 100), 0.0005);
        double spurious = worstSpuriousDb(out, start, 4800, 100);
        assertTrue(spurious < -90, "images/aliases at " + spurious + " dB");
        float[] expected = sine(1000, 0.5, 48000, 96000);
        for (int i = start; i < start + 4800; i++) {
            assertEquals(expected[i], out[i], 1e-3, "no delay: frame " + i);
        }
    }

    @Test
    void downsampledToneAboveTheNewNyquistIsRemovedBelowMinus90Db() {
        // 30 kHz at 96 kHz would alias to 14.1 kHz at 44.1 kHz; 1 kHz must pass.
        float[] low = sine(1000, 0.5, 96000, 96000);
        float[] high = sine(30000, 0.5, 96000, 96000);
        float[] mix = new float[low.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = low[i] + high[i];
        }
        float[] out = resample(new float[][] {mix}, 96000, 44100, 1000)[0];
        assertEquals(44100, out.length);
        // 4410 frames = 100 periods of 1 kHz, 10 Hz bins; the alias would sit in bin 1410.
        double spurious = worstSpuriousDb(out, 22050, 4410, 100);
        assertTrue(spurious < -90, "aliases at " + spurious + " dB");
    }

    @ParameterizedTest
    @CsvSource({
        "44100, 48000, 44100",
        "48000, 44100, 12345",
        "44100, 96000, 1",
        "96000, 8000, 1000",
        "22050, 44100, 777",
        "48000, 44100, 0",
    })
    void lengthIsExactlyTheRoundedRatio(int inRate, int outRate, int frames) {
        float[][] in = {sine(440, 0.5, inRate, frames), sine(660, 0.25, inRate, frames)};
        float[][] out = resample(in, inRate, outRate, 1000);
        long expected = Math.round((double) frames * outRate / inRate);
        assertEquals(expected, Resampler.outputLength(frames, inRate, outRate));
        assertEquals(expected, out[0].length);
        assertEquals(expected, out[1].length);
    }

    @Test
    void blockSizeDoesNotChangeTheOutput() {
        float[][] in = {sine(440, 0.5, 44100, 30000)};
        float[][] whole = resample(in, 44100, 48000, 30000);
        float[][] blocks = resample(in, 44100, 48000, 333);
        assertArrayEquals(whole[0], blocks[0], 0f);
    }
}
