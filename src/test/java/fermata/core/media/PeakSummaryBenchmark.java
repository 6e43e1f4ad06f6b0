package fermata.core.media;

import fermata.core.task.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak summary of a one-hour 44.1 kHz stereo 16-bit WAV, cold (decode and compute) and warm (read
 * from the cache), side by side with {@code ffmpeg -i FILE -af astats -f null -} on the same file.
 * Run by hand: {@code mvn -q test -Pbench -Dtest=PeakSummaryBenchmark}; output in
 * target/surefire-reports/fermata.core.media.PeakSummaryBenchmark-output.txt.
 */
@Tag("bench")
class PeakSummaryBenchmark {
    @Test
    void oneHourStereo() throws Exception {
        Path dir = Files.createDirectories(Path.of("/tmp/fermata-bench"));
        Path wav = dir.resolve("hour-44k-stereo.wav");
        int rate = 44_100;
        long frames = 3600L * rate;
        if (!Files.exists(wav) || Files.size(wav) < frames * 4) {
            try (WavWriter w = WavWriter.create(wav, rate, 2, WavWriter.Encoding.PCM_16)) {
                float[][] block = new float[2][rate];
                for (long at = 0; at < frames; at += rate) {
                    for (int i = 0; i < rate; i++) {
                        double t = (at + i) / (double) rate;
                        block[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * t) * Math.sin(t / 7));
                        block[1][i] = (float) (0.4 * Math.sin(2 * Math.PI * 330 * t));
                    }
                    w.write(block, 0, rate);
                }
                w.commit();
            }
        }
        Path cacheDir = dir.resolve("peaks");
        PeakCache cache = new PeakCache(cacheDir);
        Files.deleteIfExists(cache.fileFor("f".repeat(64)));
        System.gc();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        PeakSummary cold = cache.get(wav, "f".repeat(64), Progress.NONE);
        double coldSeconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = usedHeap();
        long t1 = System.nanoTime();
        PeakSummary warm = cache.get(wav, "f".repeat(64), Progress.NONE);
        double warmSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", wav.toString(), "-af", "astats",
                "-f", "null", "-").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ffmpeg.waitFor();
        double ffmpegSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf("frames %d, fine buckets %d, coarse buckets %d%n", cold.frames(), cold.fine().buckets(),
                warm.coarse().buckets());
        System.out.printf("| cold: decode + summary + cache write | %.2f s |%n", coldSeconds);
        System.out.printf("| warm: read from the cache | %.3f s |%n", warmSeconds);
        System.out.printf("| ffmpeg -af astats -f null - | %.2f s |%n", ffmpegSeconds);
        System.out.printf("| ratio cold / ffmpeg | %.2f |%n", coldSeconds / ffmpegSeconds);
        System.out.printf("| heap held by the summary (used after - before, after GC) | %.1f MB |%n",
                (heapAfter - heapBefore) / 1e6);
        System.out.printf("| peak file size | %.1f MB |%n", Files.size(cache.fileFor("f".repeat(64))) / 1e6);
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
