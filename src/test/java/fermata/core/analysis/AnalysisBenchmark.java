package fermata.core.analysis;

import fermata.core.task.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full analysis of a synthesised 4-minute stereo track, side by side with FFmpeg's ebur128 filter
 * and aubio's tempo on the same WAV. Run with
 * {@code mvn -q test -Pbench -Dtest=AnalysisBenchmark}; figures go to stdout (in
 * target/surefire-reports/*-output.txt) and into docs/BENCHMARKS.md by hand.
 */
@Tag("bench")
class AnalysisBenchmark {
    private static final int RATE = 44_100;
    private static final int SECONDS = 240;
    private static final double BPM = 124;
    private static final File WAV = new File("/tmp/fermata-analysis-bench.wav");

    /** Kick on every beat, noise hat on the off-beats, a I-vi-IV-V pad in C with bass, a lead. */
    static float[][] track() {
        int n = SECONDS * RATE;
        float[] pad = new float[n];
        int[][] chords = {{48, 60, 64, 67}, {45, 60, 64, 69}, {41, 60, 65, 69}, {43, 62, 67, 71}};
        double bar = 4 * 60 / BPM;
        for (int b = 0; b * bar < SECONDS; b++) {
            for (int key : chords[b % 4]) {
                TestSignals.addTone(pad, RATE, TestSignals.midiHz(key), 0.05, b * bar, bar, 4);
            }
            int[] lead = {72, 76, 79, 76};
            for (int k = 0; k < 4; k++) {
                TestSignals.addTone(pad, RATE, TestSignals.midiHz(lead[(b + k) % 4]), 0.03, b * bar + k * bar / 4,
                        bar / 4, 3);
            }
        }
        Random random = new Random(1);
        float[][] out = new float[2][n];
        int beat = (int) Math.round(60 / BPM * RATE);
        for (int i = 0; i < n; i++) {
            int inBeat = i % beat;
            double kick = 0.5 * Math.exp(-inBeat / (0.06 * RATE)) * Math.sin(2 * Math.PI * 55 * inBeat / RATE);
            int off = (i + beat / 2) % beat;
            double hat = 0.08 * Math.exp(-off / (0.01 * RATE)) * random.nextGaussian();
            double width = 0.01 * random.nextGaussian();
            out[0][i] = (float) (pad[i] + kick + hat + width);
            out[1][i] = (float) (pad[i] + kick + 0.9 * hat - width);
        }
        return out;
    }

    @Test
    void fullAnalysisAgainstFfmpegAndAubio() throws Exception {
        float[][] track = track();
        writeWav(track);

        Analyzer.analyze(track, RATE, Progress.NONE);
        long best = Long.MAX_VALUE;
        AnalysisReport report = null;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            report = Analyzer.analyze(track, RATE, Progress.NONE);
            best = Math.min(best, System.nanoTime() - t0);
        }
        double seconds = best / 1e9;
        double realTime = SECONDS / seconds;

        long f0 = System.nanoTime();
        String ffmpeg = run("ffmpeg", "-hide_banner", "-nostats", "-i", WAV.getPath(), "-af", "ebur128", "-f", "null", "-");
        double ffmpegSeconds = (System.nanoTime() - f0) / 1e9;
        Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(ffmpeg);
        double ffmpegLufs = Double.NaN;
        while (m.find()) {
            ffmpegLufs = Double.parseDouble(m.group(1));
        }
        Matcher lra = Pattern.compile("LRA:\\s+([0-9.]+) LU").matcher(ffmpeg);
        double ffmpegLra = Double.NaN;
        while (lra.find()) {
            ffmpegLra = Double.parseDouble(lra.group(1));
        }

        long a0 = System.nanoTime();
        String aubio = run("aubio", "tempo", WAV.getPath());
        double aubioSeconds = (System.nanoTime() - a0) / 1e9;

        System.out.printf(Locale.ROOT, "track: %d s stereo %d Hz, %d BPM synthesised%n", SECONDS, RATE, (int) BPM);
        System.out.printf(Locale.ROOT, "fermata analyze (all stages, 1 thread): %.3f s = %.0fx real time%n", seconds,
                realTime);
        System.out.printf(Locale.ROOT, "fermata: I %.2f LUFS, LRA %.2f LU, TP %.2f dBTP, tempo %.2f BPM (conf %.2f), "
                        + "%d beats, key %s, %d chord segments%n", report.loudness().integratedLufs(),
                report.loudness().rangeLu(), report.loudness().truePeakDbtp(), report.rhythm().tempo().bpm(),
                report.rhythm().tempo().confidence(), report.rhythm().beats().size(),
                report.tonal().key() == null ? "-" : report.tonal().key().label(), report.tonal().chords().size());
        System.out.printf(Locale.ROOT, "ffmpeg ebur128: %.3f s = %.0fx real time, I %.1f LUFS, LRA %.1f LU%n",
                ffmpegSeconds, SECONDS / ffmpegSeconds, ffmpegLufs, ffmpegLra);
        System.out.printf(Locale.ROOT, "aubio tempo: %.3f s = %.0fx real time, says: %s%n", aubioSeconds,
                SECONDS / aubioSeconds, aubio.trim());

        // ffmpeg prints one decimal: 0.1 LU agreement plus its rounding
        assertEquals(ffmpegLufs, report.loudness().integratedLufs(), 0.15);
        assertEquals(BPM, report.rhythm().tempo().bpm(), 0.5);
        assertTrue(realTime >= 100, "goal: 100x real time on one core, got " + realTime);
    }

    private static void writeWav(float[][] track) throws Exception {
        int n = track[0].length;
        byte[] data = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                int s = (int) Math.round(Math.max(-1, Math.min(1, track[c][i])) * 32767);
                data[4 * i + 2 * c] = (byte) s;
                data[4 * i + 2 * c + 1] = (byte) (s >> 8);
            }
        }
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data), new AudioFormat(RATE, 16, 2, true, false),
                n), AudioFileFormat.Type.WAVE, WAV);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
