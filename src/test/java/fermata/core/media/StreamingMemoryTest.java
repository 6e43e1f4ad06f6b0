package fermata.core.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long file decodes block by block: the heap it keeps does not grow with its length. */
class StreamingMemoryTest {
    private static final int RATE = 44100;
    private static final long FRAMES = 5L * 60 * RATE;
    private static final int BLOCK = 4096;

    @TempDir
    Path dir;

    @Test
    void fiveMinutesOfStereoDecodeInBoundedHeap() throws Exception {
        Path file = dir.resolve("long.wav");
        try (WavWriter writer = WavWriter.create(file, RATE, 2, WavWriter.Encoding.PCM_16)) {
            float[][] block = new float[2][BLOCK];
            for (long done = 0; done < FRAMES; done += BLOCK) {
                int count = (int) Math.min(BLOCK, FRAMES - done);
                for (int i = 0; i < count; i++) {
                    block[0][i] = ((done + i) % 200 - 100) / 100f;
                    block[1][i] = -block[0][i];
                }
                writer.write(block, 0, count);
            }
            writer.commit();
        }

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = retainedHeap(memory);
        long worst = 0;
        long decoded = 0;
        // The whole file as planar floats would be 106 MB; a streaming decoder keeps a few blocks.
        try (AudioStream stream = AudioFiles.open(file)) {
            assertEquals(FRAMES, stream.info().frames());
            float[][] block = new float[2][BLOCK];
            int count;
            long nextCheck = FRAMES / 4;
            while ((count = stream.read(block, 0, BLOCK)) > 0) {
                decoded += count;
                if (decoded >= nextCheck) {
                    worst = Math.max(worst, retainedHeap(memory) - baseline);
                    nextCheck += FRAMES / 4;
                }
            }
        }
        assertEquals(FRAMES, decoded);
        assertTrue(worst < 16L << 20, "decoding kept " + (worst >> 20) + " MB of heap");
    }

    private static long retainedHeap(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
