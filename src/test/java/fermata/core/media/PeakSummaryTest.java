package fermata.core.media;

import fermata.core.error.BadInputException;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeakSummaryTest {
    private static final int FRAMES = 3 * PeakSummary.COARSE + 1000;

    @TempDir
    Path dir;

    private float[][] signal;

    private Path noiseWav() throws Exception {
        Random random = new Random(5);
        signal = new float[2][FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            signal[0][i] = (float) (random.nextGaussian() * 0.2 * (1 + Math.sin(i / 5000.0)));
            signal[1][i] = (float) Math.sin(2 * Math.PI * 440 * i / 48_000.0) * (i % 70_000) / 70_000f;
        }
        Path file = dir.resolve("noise.wav");
        try (WavWriter w = WavWriter.create(file, 48_000, 2, WavWriter.Encoding.FLOAT_32)) {
            w.write(signal, 0, FRAMES);
            w.commit();
        }
        return file;
    }

    private void assertMatchesBruteForce(PeakSummary.Level level) {
        int per = level.framesPerBucket();
        assertEquals((FRAMES + per - 1) / per, level.buckets());
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < level.buckets(); b++) {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                double squares = 0;
                int end = Math.min(FRAMES, (b + 1) * per);
                for (int i = b * per; i < end; i++) {
                    lo = Math.min(lo, signal[c][i]);
                    hi = Math.max(hi, signal[c][i]);
                    squares += (double) signal[c][i] * signal[c][i];
                }
                double rms = Math.sqrt(squares / (end - b * per));
                assertEquals(lo, level.min()[c][b], 0f, "min of bucket " + b);
                assertEquals(hi, level.max()[c][b], 0f, "max of bucket " + b);
                assertEquals(rms, level.rms()[c][b], 1e-5 * Math.max(rms, 1e-3), "rms of bucket " + b);
            }
        }
    }

    @Test
    void bothLevelsEqualABruteForceMinMaxAndRms() throws Exception {
        PeakSummary summary;
        try (AudioStream stream = AudioFiles.open(noiseWav())) {
            summary = PeakSummary.compute(stream, Progress.NONE);
        }
        assertEquals(FRAMES, summary.frames());
        assertMatchesBruteForce(summary.fine());
        assertMatchesBruteForce(summary.coarse());
        assertEquals(summary.fine(), summary.levelFor(1000));
        assertEquals(summary.coarse(), summary.levelFor(70_000));
    }

    @Test
    void theCacheStoresSummariesAndRecomputesDamagedOnes() throws Exception {
        Path wav = noiseWav();
        PeakCache cache = new PeakCache(dir.resolve("peaks"));
        String hash = "a".repeat(64);
        PeakSummary first = cache.get(wav, hash, Progress.NONE);
        Path stored = cache.fileFor(hash);
        assertTrue(Files.isRegularFile(stored));

        Path moved = dir.resolve("moved.wav");
        Files.move(wav, moved);
        PeakSummary cached = cache.get(wav, hash, Progress.NONE);
        assertArrayEquals(first.coarse().max()[1], cached.coarse().max()[1], "read from the cache, not the audio");
        assertArrayEquals(first.fine().rms()[0], cached.fine().rms()[0]);

        byte[] bytes = Files.readAllBytes(stored);
        Files.write(stored, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        PeakSummary recomputed = cache.get(moved, hash, Progress.NONE);
        assertArrayEquals(first.fine().min()[0], recomputed.fine().min()[0]);
        assertEquals(bytes.length, Files.size(stored), "the damaged file was replaced");
    }

    @Test
    void aHostilePeakFileIsRefusedBeforeAllocating() throws Exception {
        Path hostile = dir.resolve("x.peaks");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(hostile))) {
            out.writeInt(0x46504B31);
            out.writeInt(2);
            out.writeInt(48_000);
            out.writeLong(1L << 40);
            out.writeInt(Integer.MAX_VALUE);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> PeakSummary.read(hostile));
        assertTrue(e.getMessage().contains("Delete it"), e.getMessage());
    }
}
