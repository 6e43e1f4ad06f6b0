package fermata.core.analysis.spectrum;

import fermata.core.analysis.TestSignals;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrumAnalyzerTest {
    private static final int RATE = 44_100;

    @Test
    void whiteNoiseIsFlatAndSineIsNot() {
        SpectrumReport noise = SpectrumAnalyzer.of(new float[][] {TestSignals.whiteNoise(0.1, 10, RATE, 3)}, RATE)
                .spectrum();
        assertTrue(noise.flatness() > 0.9, "noise flatness " + noise.flatness());
        assertEquals(RATE / 4.0, noise.centroidHz(), 300);
        assertEquals(0.85 * RATE / 2, noise.rolloffHz(), 300);
        SpectrumReport sine = SpectrumAnalyzer.of(new float[][] {TestSignals.sine(1000, -6, 10, RATE)}, RATE)
                .spectrum();
        assertTrue(sine.flatness() < 0.01, "sine flatness " + sine.flatness());
        assertEquals(1000, sine.centroidHz(), 20);
        assertEquals(1000, sine.rolloffHz(), 20);
    }

    @Test
    void thirdOctaveLevelOfAFullScaleSineIsZeroDb() {
        SpectrumReport r = SpectrumAnalyzer.of(new float[][] {TestSignals.sine(1000, -6, 5, RATE)}, RATE).spectrum();
        Band band = r.thirdOctaves().stream().filter(b -> b.centreHz() == 1000).findFirst().orElseThrow();
        assertEquals(-6, band.levelDb(), 0.5);
        assertEquals(20, r.thirdOctaves().get(0).centreHz());
    }

    @Test
    void identicalChannelsCorrelateAndInvertedOnesAntiCorrelate() {
        float[] noise = TestSignals.whiteNoise(0.1, 5, RATE, 4);
        float[] inverted = noise.clone();
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = -inverted[i];
        }
        StereoReport same = SpectrumAnalyzer.of(new float[][] {noise, noise.clone()}, RATE).stereo();
        assertEquals(1.0, same.correlation(), 1e-6);
        assertEquals(0, same.width(), 1e-6);
        StereoReport opposite = SpectrumAnalyzer.of(new float[][] {noise, inverted}, RATE).stereo();
        assertEquals(-1.0, opposite.correlation(), 1e-6);
        assertEquals(1, opposite.width(), 1e-6);
        StereoReport unrelated = SpectrumAnalyzer.of(new float[][] {noise, TestSignals.whiteNoise(0.1, 5, RATE, 5)},
                RATE).stereo();
        assertEquals(0, unrelated.correlation(), 0.05);
        assertEquals(0, unrelated.sideToMidDb(), 0.2);
    }

    @Test
    void correlationIsMeasuredPerOctave() {
        // identical below 1 kHz, polarity inverted 2-4 kHz
        float[] low = TestSignals.sine(300, -12, 5, RATE);
        float[] high = TestSignals.sine(3000, -12, 5, RATE);
        float[] left = new float[low.length];
        float[] right = new float[low.length];
        for (int i = 0; i < left.length; i++) {
            left[i] = low[i] + high[i];
            right[i] = low[i] - high[i];
        }
        StereoReport r = SpectrumAnalyzer.of(new float[][] {left, right}, RATE).stereo();
        for (StereoBand b : r.octaves()) {
            if (b.lowHz() == 250) {
                assertEquals(1, b.correlation(), 0.01);
            }
            if (b.lowHz() == 2000) {
                assertEquals(-1, b.correlation(), 0.01);
            }
        }
        assertEquals(0, r.correlation(), 0.05);
    }

    @Test
    void monoHasNoStereoReport() {
        assertNull(SpectrumAnalyzer.of(new float[][] {TestSignals.sine(100, -6, 1, RATE)}, RATE).stereo());
    }
}
