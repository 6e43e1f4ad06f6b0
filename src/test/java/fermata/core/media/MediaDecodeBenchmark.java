package fermata.core.media;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decoding speed against the ffmpeg command line on the same files: a 10-minute stereo FLAC and
 * MP3 made from a synthetic signal in /tmp. Our figure is the best of three in-process decodes to
 * planar floats after a warm-up; ffmpeg's is the best of three {@code ffmpeg -i FILE -f null -}
 * runs, its process start included. JVM start-up and the first load of the FFmpeg natives are
 * measured apart. Run: {@code mvn -q test -Pbench -Dtest=MediaDecodeBenchmark}; the table goes to
 * target/bench/media.md.
 */
@Tag("bench")
class MediaDecodeBenchmark {
    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "fermata-bench");
    private static final String SIGNAL = "aevalsrc=exprs='0.4*sin(2*PI*440*t)+0.2*sin(2*PI*3150*t)+0.05*random(0)"
            + "|0.4*sin(2*PI*660*t)+0.2*sin(2*PI*5000*t)+0.05*random(1)':s=44100:d=600";

    @Test
    void decodeTenMinutesAgainstFfmpeg() throws Exception {
        Assumptions.assumeTrue(run(List.of("ffmpeg", "-version")) >= 0, "ffmpeg is not installed");
        Files.createDirectories(WORK);
        Path flac = make("ten-minutes.flac", List.of("-c:a", "flac"));
        Path mp3 = make("ten-minutes.mp3", List.of("-c:a", "libmp3lame", "-b:a", "192k"));

        long jvmStart = best(() -> run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-version")));
        long nativesStart = System.nanoTime();
        AudioFiles.probe(flac);
        long nativesLoad = System.nanoTime() - nativesStart;

        StringBuilder table = new StringBuilder("| File | Fermata (ms) | ffmpeg -f null (ms) | ratio |\n|---|---|---|---|\n");
        for (Path file : List.of(flac, mp3)) {
            decode(file);
            long ours = best(() -> decode(file));
            long theirs = best(() -> run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f",
                    "null", "-")));
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f |%n", file.getFileName(), ours / 1_000_000,
                    theirs / 1_000_000, (double) ours / theirs));
        }
        table.append(String.format(Locale.ROOT, "%nJVM start-up (`java -Xshare:auto -version`): %d ms; "
                + "first FFmpeg use in the JVM (natives load + probe): %d ms%n", jvmStart / 1_000_000,
                nativesLoad / 1_000_000));
        Path report = Path.of("target", "bench", "media.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        System.out.println(table);
    }

    private static Path make(String name, List<String> codec) throws IOException, InterruptedException {
        Path file = WORK.resolve(name);
        if (!Files.exists(file)) {
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
                    "-i", SIGNAL));
            command.addAll(codec);
            command.add(file.toString());
            if (run(command) != 0) {
                throw new IOException("ffmpeg could not make " + file);
            }
        }
        return file;
    }

    private static long decode(Path file) throws Exception {
        long start = System.nanoTime();
        try (AudioStream stream = AudioFiles.open(file)) {
            float[][] block = new float[stream.info().channels()][8192];
            long frames = 0;
            int count;
            while ((count = stream.read(block, 0, 8192)) > 0) {
                frames += count;
            }
            if (frames < 600L * 44100 - 44100) {
                throw new AssertionError(file + " decoded to only " + frames + " frames");
            }
        }
        return System.nanoTime() - start;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor();
        } catch (IOException e) {
            if (command.get(0).equals("ffmpeg")) {
                return -1;
            }
            throw e;
        }
    }

    private interface Timed {
        Object run() throws Exception;
    }

    private static long best(Timed timed) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            timed.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
