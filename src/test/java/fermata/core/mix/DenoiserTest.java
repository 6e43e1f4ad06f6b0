package fermata.core.mix;

import fermata.core.task.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenoiserTest {
    private static final float[] CLEAN = MixSignals.music(6, 7);

    private static float[] noise(String kind, int frames, long seed) {
        return switch (kind) {
            case "white" -> MixSignals.white(frames, seed);
            case "pink" -> MixSignals.pink(frames, seed);
            case "hum" -> MixSignals.hum(frames, 50);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static float[] denoise(float[] noisy, float[] noiseSample, DenoiseSettings settings) throws Exception {
        return Denoiser.denoise(new float[][] {noisy}, MixSignals.RATE,
                noiseSample == null ? null : new float[][] {noiseSample}, settings, Progress.NONE).samples()[0];
    }

    @ParameterizedTest(name = "{0} noise at {1} dB SNR")
    @CsvSource({"white, 0", "white, 5", "white, 10", "pink, 0", "pink, 5", "pink, 10", "hum, 0", "hum, 5", "hum, 10"})
    void siSdrImprovesWithTheProfileFoundInTheRecording(String kind, double snr) throws Exception {
        float[] noisy = MixSignals.mix(CLEAN, noise(kind, CLEAN.length, 11), snr);
        double before = SiSdr.of(CLEAN, noisy);
        double after = SiSdr.of(CLEAN, denoise(noisy, null, DenoiseSettings.defaults()));
        assertEquals(snr, before, 0.05, "the mixture is at the SNR asked for");
        assertTrue(after - before >= 6, kind + " at " + snr + " dB: SI-SDR " + before + " -> " + after);
    }

    @ParameterizedTest(name = "{0} noise at 5 dB SNR, profile from a separate noise sample")
    @CsvSource({"white", "pink"})
    void siSdrImprovesWithAGivenNoiseSample(String kind) throws Exception {
        float[] noise = noise(kind, CLEAN.length, 21);
        double gain = MixSignals.noiseGain(CLEAN, noise, 5);
        float[] noisy = MixSignals.mix(CLEAN, noise, 5);
        float[] sample = MixSignals.scaled(noise(kind, MixSignals.RATE * 2, 99), gain);
        double after = SiSdr.of(CLEAN, denoise(noisy, sample, DenoiseSettings.defaults()));
        assertTrue(after >= 12, kind + ": SI-SDR 5 -> " + after);
    }

    @Test
    void spectralGateImprovesToo() throws Exception {
        float[] noisy = MixSignals.mix(CLEAN, MixSignals.white(CLEAN.length, 3), 5);
        double after = SiSdr.of(CLEAN, denoise(noisy, null, DenoiseSettings.gate()));
        assertTrue(after >= 8, "gate: SI-SDR 5 -> " + after);
    }

    @Test
    void outputIsDeterministic() throws Exception {
        float[] noisy = MixSignals.mix(CLEAN, MixSignals.pink(CLEAN.length, 4), 5);
        assertArrayEquals(denoise(noisy, null, DenoiseSettings.defaults()), denoise(noisy, null, DenoiseSettings.defaults()));
        assertArrayEquals(denoise(noisy, null, DenoiseSettings.gate()), denoise(noisy, null, DenoiseSettings.gate()));
    }

    @Test
    void aSpectrumLeftAloneIsResynthesisedExactly() throws Exception {
        int size = Denoiser.fftSize(MixSignals.RATE);
        NoiseProfile silence = new NoiseProfile(size, new double[size / 2 + 1], "test");
        float[] out = new SpectralNoiseReducer(silence, DenoiseSettings.defaults(), MixSignals.RATE)
                .process(CLEAN, Progress.NONE);
        for (int i = 0; i < CLEAN.length; i++) {
            assertEquals(CLEAN[i], out[i], 1e-5, "sample " + i);
        }
    }

    @Test
    void humIsFoundAtSixtyHertzAndNotInCleanMusic() {
        float[] noisy = MixSignals.mix(CLEAN, MixSignals.hum(CLEAN.length, 60.2), 10);
        HumRemover.Hum hum = HumRemover.detect(new float[][] {noisy}, MixSignals.RATE).orElseThrow();
        assertEquals(60.2, hum.fundamentalHz(), 0.06);
        assertTrue(hum.harmonics().containsAll(java.util.List.of(1, 2)) && hum.harmonics().size() >= 4, hum.toString());
        assertTrue(HumRemover.detect(new float[][] {CLEAN}, MixSignals.RATE).isEmpty());
    }

    @Test
    void clicksAreFoundAndInterpolatedOver() throws Exception {
        float[] noisy = MixSignals.mix(CLEAN, MixSignals.white(CLEAN.length, 5), 30);
        float[] clicked = noisy.clone();
        Random random = new Random(8);
        int clicks = 25;
        for (int c = 0; c < clicks; c++) {
            int at = MixSignals.RATE / 2 + random.nextInt(CLEAN.length - MixSignals.RATE);
            int width = 1 + random.nextInt(4);
            for (int i = 0; i < width; i++) {
                clicked[at + i] += (random.nextBoolean() ? 0.6f : -0.6f) * (1 - 0.2f * i);
            }
        }
        Denoiser.Result result = Denoiser.denoise(new float[][] {clicked}, MixSignals.RATE, null,
                DenoiseSettings.defaults().withReductionDb(0).withHumRemoval(false).withClickRemoval(true), Progress.NONE);
        double before = SiSdr.of(noisy, clicked);
        double after = SiSdr.of(noisy, result.samples()[0]);
        int repaired = result.report().clicksRepaired();
        assertTrue(repaired >= clicks - 2 && repaired <= clicks + 5, "repaired " + repaired + " of " + clicks);
        assertTrue(after - before >= 15, "SI-SDR against the click-free signal " + before + " -> " + after);
    }
}
