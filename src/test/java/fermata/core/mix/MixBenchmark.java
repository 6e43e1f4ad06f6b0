package fermata.core.mix;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.media.AudioFiles;
import fermata.core.media.WavWriter;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Denoise against SoX's noisered (same noise sample, through noiseprof) and FFmpeg's afftdn on the
 * signals of {@link DenoiserTest}, and automix of eight four-minute stems with the mix's loudness
 * checked by FFmpeg's ebur128. Run with {@code mvn -q test -Pbench -Dtest=MixBenchmark}; figures
 * go to stdout and target/bench/mix.md, and into docs/BENCHMARKS.md by hand. Needs sox and ffmpeg
 * on the PATH (only here: the normal test suite needs neither).
 */
@Tag("bench")
class MixBenchmark {
    private static final int RATE = MixSignals.RATE;
    private static final Path DIR = Path.of("/tmp/fermata-mix-bench");
    private final StringBuilder report = new StringBuilder();

    private void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    /** A peer tool run from a file to a file. */
    private interface Tool {
        void run(Path in, Path out) throws Exception;
    }

    @Test
    void denoiseAgainstSoxAndFfmpeg() throws Exception {
        Files.createDirectories(DIR);
        float[] clean = MixSignals.music(20, 7);
        int n = clean.length;
        print("| noise | SNR in | ours LSA, noise sample | ours LSA, profile found | ours STSA, noise sample | sox noisered (best of 0.2/0.3/0.5) | ffmpeg afftdn (best of 5, noise floor given) | time ours / sox / ffmpeg (s) |");
        print("|---|---|---|---|---|---|---|---|");
        Denoiser.denoise(new float[][] {clean}, RATE, null, DenoiseSettings.defaults(), Progress.NONE);
        Path whiteWav = write(DIR.resolve("latency.wav"), MixSignals.scaled(MixSignals.white(RATE * 2, 5), 0.3));
        for (String kind : new String[] {"white", "pink", "hum"}) {
            float[] noise = switch (kind) {
                case "white" -> MixSignals.white(n, 11);
                case "pink" -> MixSignals.pink(n, 11);
                default -> MixSignals.hum(n, 50);
            };
            float[] sampleSource = switch (kind) {
                case "white" -> MixSignals.white(3 * RATE, 99);
                case "pink" -> MixSignals.pink(3 * RATE, 99);
                default -> MixSignals.hum(3 * RATE, 50);
            };
            for (double snr : new double[] {0, 5, 10}) {
                double gain = MixSignals.noiseGain(clean, noise, snr);
                float[] noisy = MixSignals.mix(clean, noise, snr);
                float[] sample = MixSignals.scaled(sampleSource, gain);
                Path noisyWav = write(DIR.resolve("noisy.wav"), noisy);
                Path sampleWav = write(DIR.resolve("noise.wav"), sample);

                long t0 = System.nanoTime();
                float[] oursProfiled = Denoiser.denoise(new float[][] {noisy}, RATE, new float[][] {sample},
                        DenoiseSettings.defaults(), Progress.NONE).samples()[0];
                double oursTime = (System.nanoTime() - t0) / 1e9;
                float[] oursFound = Denoiser.denoise(new float[][] {noisy}, RATE, null, DenoiseSettings.defaults(),
                        Progress.NONE).samples()[0];
                float[] oursStsa = Denoiser.denoise(new float[][] {noisy}, RATE, new float[][] {sample},
                        DenoiseSettings.defaults().withMethod(DenoiseSettings.Method.MMSE_STSA), Progress.NONE).samples()[0];

                Path profile = DIR.resolve("noise.prof");
                run("sox", sampleWav.toString(), "-n", "noiseprof", profile.toString());
                double[] sox = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
                for (String amount : new String[] {"0.2", "0.3", "0.5"}) {
                    score(clean, noisyWav, whiteWav, (in, out) -> run("sox", in.toString(), out.toString(), "noisered",
                            profile.toString(), amount), sox);
                }
                double[] ffmpeg = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
                double noiseDbfs = 10 * Math.log10(MixSignals.energy(sample) / sample.length);
                String floor = String.format(Locale.ROOT, "%.0f", Math.max(-80, Math.min(-20, noiseDbfs)));
                for (String filter : new String[] {"afftdn", "afftdn=nr=24:tn=1", "afftdn=nr=40:nf=-30:tn=1",
                        "afftdn=nr=30:nf=" + floor, "afftdn=nr=60:nf=" + floor + ":tn=1"}) {
                    score(clean, noisyWav, whiteWav, (in, out) -> run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                            in.toString(), "-af", filter, "-c:a", "pcm_f32le", out.toString()), ffmpeg);
                }
                print("| %s | %.0f dB | **%.2f** | %.2f | %.2f | %.2f | %.2f | %.2f / %.2f / %.2f |", kind,
                        SiSdr.of(clean, noisy), SiSdr.of(clean, oursProfiled), SiSdr.of(clean, oursFound),
                        SiSdr.of(clean, oursStsa), sox[0], ffmpeg[0], oursTime, sox[1], ffmpeg[1]);
            }
        }
        save();
    }

    /**
     * Runs a peer on the noisy file and keeps in {@code best} the best SI-SDR and the shortest time.
     * The peer's latency is measured first on white noise (where the cross-correlation peak is
     * unambiguous, unlike on tonal music) and its output shifted back by it.
     */
    private static void score(float[] clean, Path noisyWav, Path whiteWav, Tool tool, double[] best) throws Exception {
        Path probe = DIR.resolve("latency-out.wav");
        tool.run(whiteWav, probe);
        int latency = lag(read(whiteWav), read(probe));
        Path out = DIR.resolve("peer.wav");
        long t0 = System.nanoTime();
        tool.run(noisyWav, out);
        best[1] = Math.min(best[1], (System.nanoTime() - t0) / 1e9);
        float[] estimate = read(out);
        float[] shifted = new float[clean.length];
        for (int i = 0; i < shifted.length; i++) {
            int j = i + latency;
            shifted[i] = j >= 0 && j < estimate.length ? estimate[j] : 0f;
        }
        best[0] = Math.max(best[0], SiSdr.of(clean, shifted));
    }

    /** The delay of {@code output} against {@code input} in samples, within +-4096, by cross-correlation. */
    private static int lag(float[] input, float[] output) {
        int from = RATE / 2;
        int length = RATE / 2;
        int bestLag = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int lag = -4096; lag <= 4096; lag++) {
            double dot = 0;
            for (int i = from; i < from + length; i++) {
                int j = i + lag;
                if (j >= 0 && j < output.length) {
                    dot += (double) input[i] * output[j];
                }
            }
            if (dot > bestDot) {
                bestDot = dot;
                bestLag = lag;
            }
        }
        return bestLag;
    }

    @Test
    void automixOfEightFourMinuteStems() throws Exception {
        Files.createDirectories(DIR);
        double seconds = 240;
        List<Stem> stems = List.of(
                new Stem("s1", "stem 1", SyntheticStems.kick(seconds), RATE),
                new Stem("s2", "stem 2", SyntheticStems.hats(seconds, 1), RATE),
                new Stem("s3", "stem 3", SyntheticStems.bass(seconds), RATE),
                new Stem("s4", "stem 4", SyntheticStems.lead(seconds), RATE),
                new Stem("s5", "stem 5", SyntheticStems.pad(seconds), RATE),
                new Stem("s6", "stem 6", SyntheticStems.guitar(seconds, 2), RATE),
                new Stem("s7", "stem 7", SyntheticStems.guitar(seconds, 3), RATE),
                new Stem("s8", "stem 8", new float[][] {MixSignals.scaled(MixSignals.music(seconds, 5), 0.5)}, RATE));
        AutoMixer.Options options = AutoMixer.Options.of(MixPresets.builtIn("streaming"));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> times = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        AutoMixer.Result result = null;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            result = AutoMixer.mix(stems, options, Progress.NONE);
            cpuTimes.add((threads.getCurrentThreadCpuTime() - c0) / 1e9);
            times.add((System.nanoTime() - t0) / 1e9);
        }
        double best = times.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double bestCpu = cpuTimes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        List<String> ffmpegGraph = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-threads", "1"));
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < stems.size(); i++) {
            Path file = DIR.resolve("stem" + i + ".wav");
            try (WavWriter w = WavWriter.create(file, RATE, stems.get(i).samples().length, WavWriter.Encoding.FLOAT_32)) {
                w.write(stems.get(i).samples(), 0, stems.get(i).frames());
                w.commit();
            }
            ffmpegGraph.addAll(List.of("-i", file.toString()));
            graph.append(String.format(Locale.ROOT, "[%d]aformat=channel_layouts=stereo,highpass=f=60,equalizer=f=500:t=q:w=1:g=-3,"
                    + "acompressor=threshold=0.1:ratio=3[s%d];", i, i));
        }
        for (int i = 0; i < stems.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("amix=inputs=").append(stems.size()).append(":normalize=0,acompressor=ratio=2,"
                + "equalizer=f=120:t=q:w=0.7:g=1,alimiter=limit=0.89,ebur128=peak=true");
        ffmpegGraph.addAll(List.of("-filter_complex", graph.toString(), "-f", "null", "-"));
        double ffmpegBest = Double.POSITIVE_INFINITY;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            run(ffmpegGraph.toArray(new String[0]));
            ffmpegBest = Math.min(ffmpegBest, (System.nanoTime() - t0) / 1e9);
        }
        LoudnessResult ours = LoudnessMeter.measure(result.mix(), RATE);
        Path wav = DIR.resolve("automix.wav");
        try (WavWriter w = WavWriter.create(wav, RATE, 2, WavWriter.Encoding.FLOAT_32)) {
            w.write(result.mix(), 0, result.mix()[0].length);
            w.commit();
        }
        String ebur = run("ffmpeg", "-nostdin", "-hide_banner", "-i", wav.toString(), "-af", "ebur128=peak=true",
                "-f", "null", "-");
        Matcher integrated = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(ebur);
        Matcher peak = Pattern.compile("Peak:\\s+(-?[0-9.]+) dBFS").matcher(ebur);
        String ffI = "?";
        while (integrated.find()) {
            ffI = integrated.group(1);
        }
        String ffPeak = "?";
        while (peak.find()) {
            ffPeak = peak.group(1);
        }
        print("automix of 8 stems x %.0f s at %d Hz, one thread: wall %s s, best %.2f s = %.1fx real time; "
                + "thread CPU %s s, best %.2f s = %.1fx real time", seconds, RATE,
                times.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList(), best, seconds / best,
                cpuTimes.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList(), bestCpu, seconds / bestCpu);
        print("peer: ffmpeg -threads 1 with a fixed graph of the same kind (per stem highpass, one EQ band, compressor; "
                + "amix, glue compressor, EQ, alimiter, ebur128): best of 3 %.2f s = %.1fx real time; ours / ffmpeg wall = %.2f",
                ffmpegBest, seconds / ffmpegBest, best / ffmpegBest);
        print("roles: %s", result.plan().stems().stream().map(s -> s.role().key()).toList());
        print("our meter: %.2f LUFS integrated, %.2f dBTP; ffmpeg ebur128: %s LUFS integrated, true peak %s dBTP (target -14, -1)",
                ours.integratedLufs(), ours.truePeakDbtp(), ffI, ffPeak);
        save();
    }

    private void save() throws IOException {
        Path out = Path.of("target", "bench", "mix.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static Path write(Path file, float[] x) throws IOException {
        try (WavWriter w = WavWriter.create(file, RATE, 1, WavWriter.Encoding.FLOAT_32)) {
            w.write(new float[][] {x}, 0, x.length);
            w.commit();
        }
        return file;
    }

    private static float[] read(Path file) throws Exception {
        return AudioFiles.readAll(file, 600).samples()[0];
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + code + "): " + output);
        }
        return output;
    }
}
