package fermata.core.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruePeakLimiterTest {
    private static final int RATE = 48_000;

    @Test
    void detectorFindsTheInterSamplePeakOfAQuarterRateSine() {
        float[] x = new float[4800];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(Math.PI / 2 * i + Math.PI / 4));
        }
        double samplePeak = 0.5 * Math.sqrt(0.5);
        assertEquals(samplePeak, Math.abs(x[100]), 1e-6);
        assertEquals(0.5, TruePeakDetector.measure(x, x.length), 0.01, "true peak is 3 dB above the sample peak");
    }

    @Test
    void hotSignalNeverExceedsTheCeilingInTruePeak() {
        int n = 512 * 200;
        float[][] buffer = new float[2][n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            double burst = (i / 4000) % 2 == 0 ? 4.0 : 0.3;
            double s = burst * (Math.sin(Math.PI / 2 * i + Math.PI / 4) * 0.7 + Math.sin(2 * Math.PI * 997 * i / RATE) * 0.5);
            buffer[0][i] = (float) (s + random.nextGaussian() * 0.2);
            buffer[1][i] = (float) (-s * 0.8);
        }
        TruePeakLimiter limiter = new TruePeakLimiter(-1.0, 50);
        limiter.prepare(RATE, 512, 2);
        for (int start = 0; start < n; start += 512) {
            float[][] block = {java.util.Arrays.copyOfRange(buffer[0], start, start + 512),
                    java.util.Arrays.copyOfRange(buffer[1], start, start + 512)};
            limiter.process(block, 512);
            System.arraycopy(block[0], 0, buffer[0], start, 512);
            System.arraycopy(block[1], 0, buffer[1], start, 512);
        }
        double ceiling = Decibels.toGain(-1.0);
        double loudest = 0;
        for (int c = 0; c < 2; c++) {
            double truePeak = TruePeakDetector.measure(buffer[c], n);
            assertTrue(truePeak <= ceiling, "channel " + c + " true peak " + Decibels.fromGain(truePeak) + " dBTP");
            loudest = Math.max(loudest, truePeak);
        }
        assertTrue(loudest > ceiling * 0.95, "the limiter limits rather than mutes: " + loudest);
    }

    @Test
    void quietSignalPassesUnchangedApartFromTheLatency() {
        TruePeakLimiter limiter = new TruePeakLimiter(-1.0, 50);
        limiter.prepare(RATE, 1024, 1);
        float[][] block = new float[1][1024];
        for (int i = 0; i < 1024; i++) {
            block[0][i] = (float) (0.5 * Math.sin(i * 0.05));
        }
        float[] input = block[0].clone();
        limiter.process(block, 1024);
        int latency = limiter.latencyFrames();
        assertArrayEquals(java.util.Arrays.copyOfRange(input, 0, 1024 - latency),
                java.util.Arrays.copyOfRange(block[0], latency, 1024));
    }
}
