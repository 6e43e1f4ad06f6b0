package fermata.core.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavWriterTest {
    @TempDir
    Path dir;

    private static float[][] quantized(int bits, int channels, int frames, long seed) {
        Random random = new Random(seed);
        double scale = Math.pow(2, bits - 1);
        float[][] x = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                long step = (long) Math.floor((random.nextDouble() * 2 - 1) * scale);
                x[c][i] = (float) (step / scale);
            }
            x[c][0] = -1f;
            x[c][1] = (float) ((scale - 1) / scale);
        }
        return x;
    }

    private void write(Path file, float[][] samples, WavWriter.Encoding encoding, WavWriter.Dither dither)
            throws IOException {
        try (WavWriter writer = WavWriter.create(file, 48000, samples.length, encoding, dither)) {
            int frames = samples[0].length;
            for (int done = 0; done < frames; done += 1000) {
                writer.write(samples, done, Math.min(1000, frames - done));
            }
            assertEquals(frames, writer.framesWritten());
            writer.commit();
        }
    }

    @ParameterizedTest(name = "{0}, {1} channels")
    @CsvSource({"PCM_16, 16, 1", "PCM_24, 24, 2", "PCM_24, 24, 6", "FLOAT_32, 24, 2", "FLOAT_32, 24, 3"})
    void roundTripIsExactThroughBothReaders(WavWriter.Encoding encoding, int bits, int channels) throws Exception {
        float[][] samples = quantized(bits, channels, 5000, 42);
        if (encoding == WavWriter.Encoding.FLOAT_32) {
            samples[0][2] = 1.5f;
            samples[0][3] = 1e-30f;
        }
        Path file = dir.resolve("out.wav");
        write(file, samples, encoding, WavWriter.Dither.NONE);
        try (WavFile wav = WavFile.map(file)) {
            assertEquals(48000, wav.sampleRate());
            float[][] back = new float[channels][5000];
            wav.read(0, back, 0, 5000);
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(samples[c], back[c], 0f, "mapped, channel " + c);
            }
        }
        try (AudioStream stream = AudioFiles.open(file)) {
            assertEquals(encoding.bits(), stream.info().bitsPerSample());
            float[][] back = AudioFixtures.decodeAll(stream, 5000);
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(samples[c], back[c], 0f, "FFmpeg, channel " + c);
            }
        }
    }

    @Test
    void integerOutputRoundsAndClips() throws Exception {
        float[][] samples = {{0.49f / 32768, 0.51f / 32768, 1.5f, -1.5f, Float.NaN}};
        Path file = dir.resolve("clip.wav");
        write(file, samples, WavWriter.Encoding.PCM_16, WavWriter.Dither.NONE);
        float[][] back = new float[1][5];
        try (WavFile wav = WavFile.map(file)) {
            wav.read(0, back, 0, 5);
        }
        assertArrayEquals(new float[] {0f, 1f / 32768, 32767f / 32768, -1f, 0f}, back[0], 0f);
    }

    @Test
    void tpdfDitherStaysWithinOneStepAndIsReproducible() throws Exception {
        float[][] samples = {new float[20000]};
        for (int i = 0; i < samples[0].length; i++) {
            samples[0][i] = (float) (0.3 * Math.sin(i * 0.01));
        }
        Path first = dir.resolve("a.wav");
        Path second = dir.resolve("b.wav");
        write(first, samples, WavWriter.Encoding.PCM_16, WavWriter.Dither.TPDF);
        write(second, samples, WavWriter.Encoding.PCM_16, WavWriter.Dither.TPDF);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        float[][] back = new float[1][20000];
        try (WavFile wav = WavFile.map(first)) {
            wav.read(0, back, 0, 20000);
        }
        int changed = 0;
        double errorSum = 0;
        for (int i = 0; i < 20000; i++) {
            double error = (back[0][i] - samples[0][i]) * 32768;
            assertTrue(Math.abs(error) <= 1.5, "error " + error + " steps at " + i);
            errorSum += error;
            if (Math.round(samples[0][i] * 32768.0) != Math.round(back[0][i] * 32768.0)) {
                changed++;
            }
        }
        assertTrue(changed > 5000, "dither changed only " + changed + " samples");
        assertEquals(0, errorSum / 20000, 0.05, "dither is unbiased");
    }

    @Test
    void withoutCommitNothingAppearsAndTheOldFileSurvives() throws Exception {
        Path file = dir.resolve("keep.wav");
        Files.writeString(file, "previous");
        try (WavWriter writer = WavWriter.create(file, 44100, 2, WavWriter.Encoding.PCM_24)) {
            writer.write(new float[2][100], 0, 100);
        }
        assertEquals("previous", Files.readString(file));
        Path fresh = dir.resolve("never.wav");
        assertThrows(IllegalStateException.class, () -> {
            try (WavWriter writer = WavWriter.create(fresh, 44100, 1, WavWriter.Encoding.PCM_16)) {
                writer.write(new float[1][10], 0, 10);
                throw new IllegalStateException("export cancelled");
            }
        });
        assertFalse(Files.exists(fresh));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void commitReplacesTheTarget() throws Exception {
        Path file = dir.resolve("replace.wav");
        Files.writeString(file, "previous");
        write(file, new float[][] {{0.5f, -0.5f}}, WavWriter.Encoding.PCM_16, WavWriter.Dither.NONE);
        assertNotEquals("previous", new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(2, AudioFiles.probe(file).frames());
    }

    @Test
    void convertsFlacToWavExactlyAndMp3ToAnotherRate() throws Exception {
        Path exact = dir.resolve("exact.wav");
        AudioInfo written = AudioFiles.convertToWav(AudioFixtures.path("flac-24.flac"), exact, 24, null);
        assertEquals(new AudioInfo("wav", "pcm_s24le", 44100, 2, AudioFixtures.FRAMES, true, 24), written);
        assertEquals(written, AudioFiles.probe(exact));
        float[][] expected = AudioFixtures.pattern(24, 2);
        try (WavFile wav = WavFile.map(exact)) {
            float[][] back = new float[2][AudioFixtures.FRAMES];
            wav.read(0, back, 0, AudioFixtures.FRAMES);
            assertArrayEquals(expected[0], back[0], 0f);
            assertArrayEquals(expected[1], back[1], 0f);
        }

        Path resampled = dir.resolve("resampled.wav");
        AudioInfo source = AudioFiles.probe(AudioFixtures.path("sine-1k.mp3"));
        long decodedFrames;
        try (AudioStream stream = AudioFiles.open(AudioFixtures.path("sine-1k.mp3"))) {
            decodedFrames = AudioFixtures.decodeAll(stream, 3 * 44100)[0].length;
        }
        AudioInfo converted = AudioFiles.convertToWav(AudioFixtures.path("sine-1k.mp3"), resampled, 16, 48000);
        assertEquals(48000, converted.sampleRate());
        assertEquals(Resampler.outputLength(decodedFrames, source.sampleRate(), 48000), converted.frames());
        assertEquals(converted, AudioFiles.probe(resampled));
        float[] mono;
        try (AudioStream stream = AudioFiles.open(resampled)) {
            mono = AudioFixtures.decodeAll(stream, 3 * 48000)[0];
        }
        assertEquals(1000.0, Spectra.peakFrequency(mono, 9600, 24000, 48000), 2.0);
    }
}
