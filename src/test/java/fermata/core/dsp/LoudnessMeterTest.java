package fermata.core.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoudnessMeterTest {
    private static double momentaryOfSine(int rate, double frequency, double peakDbfs) {
        LoudnessMeter meter = new LoudnessMeter(rate, 2);
        float[][] block = new float[2][rate];
        double amplitude = Decibels.toGain(peakDbfs);
        for (int i = 0; i < rate; i++) {
            block[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
            block[1][i] = block[0][i];
        }
        meter.process(block, rate);
        return meter.momentaryLufs();
    }

    @Test
    void stereoSineAtMinus23DbfsReadsMinus23Lufs() {
        assertEquals(-23.0, momentaryOfSine(48_000, 997, -23), 0.1);
        assertEquals(-23.0, momentaryOfSine(44_100, 997, -23), 0.1);
        assertEquals(-23.0, momentaryOfSine(96_000, 997, -23), 0.1);
    }

    @Test
    void kWeightingCutsLowFrequencies() {
        double at1k = momentaryOfSine(48_000, 1000, -20);
        double at30 = momentaryOfSine(48_000, 30, -20);
        assertEquals(true, at1k - at30 > 5, "30 Hz reads at least 5 dB lower: " + at30 + " vs " + at1k);
    }

    @Test
    void silenceReadsTheFloor() {
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        meter.process(new float[2][48_000], 48_000);
        assertEquals(LoudnessMeter.SILENCE_LUFS, meter.momentaryLufs());
    }
}
