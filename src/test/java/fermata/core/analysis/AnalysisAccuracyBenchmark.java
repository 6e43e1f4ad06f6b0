package fermata.core.analysis;

import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.SynthEngine;
import fermata.core.media.WavWriter;
import fermata.core.midi.MidiFiles;
import fermata.core.model.KeySignature;
import fermata.core.model.Project;
import fermata.core.model.TempoMap;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key, tempo and loudness accuracy on rendered music of known key and tempo: 48 Nottingham folk
 * tunes (key signature from the file; tempo set per piece from 72 to 168 BPM, since every file of
 * the set says 120) and 24 pieces of our own, one in each major and minor key. Each is rendered
 * through the engine to a float WAV, analysed, and given to {@code aubio tempo} and
 * {@code ffmpeg -af ebur128}. Run with {@code mvn -q test -Pbench -Dtest=AnalysisAccuracyBenchmark}
 * (add {@code -Dbench.synth=gervill} to render through the JDK's synthesizer).
 */
@Tag("bench")
class AnalysisAccuracyBenchmark {
    private static final Path NOTTINGHAM = Path.of("..", "shared", "data", "midi", "nottingham");
    private static final int TUNES = 48;
    private static final int RATE = 44_100;
    private static final Path WAV = Path.of("/tmp/fermata-accuracy-bench.wav");

    record Piece(String name, Project project, int tonic, boolean minor, double bpm) {
    }

    record Outcome(Piece piece, String key, double keyScore, double bpm, double aubioBpm, double lufs,
                   double ffmpegLufs) {
    }

    @Test
    void keyTempoAndLoudnessOnRenderedPieces() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(NOTTINGHAM), "needs ../shared/data/midi/nottingham");
        List<Piece> pieces = new ArrayList<>(tunes());
        for (int k = 0; k < 24; k++) {
            int tonic = k % 12;
            boolean minor = k >= 12;
            double bpm = 72 + (k * 37) % 97;
            pieces.add(new Piece("own-" + tonic + (minor ? "m" : ""),
                    Pieces.inKey(tonic, minor, bpm, 16, k % 2 == 0, k), tonic, minor, bpm));
        }
        List<Outcome> outcomes = new ArrayList<>();
        OfflineRenderer renderer = new OfflineRenderer();
        // -Dbench.synth=gervill renders through the JDK's synthesizer instead of ours: the same
        // analysis on a second rendering of the same pieces shows how much the sound moves the scores.
        SynthEngine synth = SynthEngine.of(System.getProperty("bench.synth", SynthEngine.FERMATA.id()));
        RenderOptions options = RenderOptions.defaults().withSampleRate(RATE).withTailSeconds(1).withSynth(synth);
        System.out.println("synthesizer: " + synth.id());
        long analyseNanos = 0;
        double audioSeconds = 0;
        for (Piece p : pieces) {
            ProjectAudio.Audio audio = ProjectAudio.master(p.project(), renderer, options, Progress.NONE);
            try (WavWriter w = WavWriter.create(WAV, RATE, 2, WavWriter.Encoding.FLOAT_32)) {
                w.write(audio.samples(), 0, audio.samples()[0].length);
                w.commit();
            }
            long t0 = System.nanoTime();
            AnalysisReport r = Analyzer.analyze(audio.samples(), RATE, Progress.NONE);
            analyseNanos += System.nanoTime() - t0;
            audioSeconds += audio.seconds();
            String key = r.tonal().key() == null ? "-" : r.tonal().key().label();
            double score = r.tonal().key() == null ? 0 : mirexKeyScore(p.tonic(), p.minor(),
                    r.tonal().key().tonicPitchClass(), r.tonal().key().mode() == fermata.core.analysis.tonal.KeyEstimate.Mode.MINOR);
            Outcome o = new Outcome(p, key, score, r.rhythm().tempo().bpm(), aubioBpm(), r.loudness().integratedLufs(),
                    ffmpegLufs());
            outcomes.add(o);
            System.out.printf(Locale.ROOT, "%-16s %-9s -> %-9s %.1f | %6.1f BPM: ours %6.2f aubio %6.2f | I %.2f ffmpeg %.2f%n",
                    p.name(), keyName(p.tonic(), p.minor()), key, score, p.bpm(), o.bpm(), o.aubioBpm(), o.lufs(),
                    o.ffmpegLufs());
        }
        report("Nottingham (48)", outcomes.subList(0, TUNES));
        report("own, 24 keys", outcomes.subList(TUNES, outcomes.size()));
        report("all", outcomes);
        System.out.printf(Locale.ROOT, "analysis: %.1f s of audio in %.2f s = %.0fx real time%n", audioSeconds,
                analyseNanos / 1e9, audioSeconds / (analyseNanos / 1e9));
        double worstLu = outcomes.stream().mapToDouble(o -> Math.abs(o.lufs() - o.ffmpegLufs())).max().orElse(0);
        // ffmpeg prints one decimal: 0.1 LU agreement plus its rounding
        assertTrue(worstLu <= 0.15, "integrated loudness off FFmpeg's by " + worstLu + " LU");
    }

    private static void report(String label, List<Outcome> outcomes) {
        double key = outcomes.stream().mapToDouble(Outcome::keyScore).average().orElse(0);
        System.out.printf(Locale.ROOT, "%s: %d pieces, MIREX key %.3f (exact %.3f); tempo ours Acc1 %.3f Acc2 %.3f, "
                        + "aubio Acc1 %.3f Acc2 %.3f; loudness worst |ours - ffmpeg| %.2f LU%n", label, outcomes.size(), key,
                outcomes.stream().filter(o -> o.keyScore() == 1).count() / (double) outcomes.size(),
                accuracy(outcomes, false, false), accuracy(outcomes, true, false),
                accuracy(outcomes, false, true), accuracy(outcomes, true, true),
                outcomes.stream().mapToDouble(o -> Math.abs(o.lufs() - o.ffmpegLufs())).max().orElse(0));
    }

    /** Share of pieces within 4 % of the true tempo (Accuracy1), or of 1/3, 1/2, 2 or 3 times it (Accuracy2). */
    static double accuracy(List<Outcome> outcomes, boolean octaves, boolean aubio) {
        double[] factors = octaves ? new double[] {1, 2, 0.5, 3, 1.0 / 3} : new double[] {1};
        int hits = 0;
        for (Outcome o : outcomes) {
            double estimate = aubio ? o.aubioBpm() : o.bpm();
            for (double f : factors) {
                if (Math.abs(estimate - f * o.piece().bpm()) <= 0.04 * f * o.piece().bpm()) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / outcomes.size();
    }

    /**
     * MIREX key score as mir_eval computes it: 1 same key, 0.5 a fifth above in the same mode,
     * 0.3 relative major or minor, 0.2 parallel major or minor, else 0.
     */
    static double mirexKeyScore(int refTonic, boolean refMinor, int estTonic, boolean estMinor) {
        if (refTonic == estTonic && refMinor == estMinor) {
            return 1;
        }
        if (refMinor == estMinor && Math.floorMod(estTonic - refTonic, 12) == 7) {
            return 0.5;
        }
        if (!refMinor && estMinor && Math.floorMod(estTonic - refTonic, 12) == 9
                || refMinor && !estMinor && Math.floorMod(estTonic - refTonic, 12) == 3) {
            return 0.3;
        }
        return refTonic == estTonic ? 0.2 : 0;
    }

    /**
     * 48 tunes spread over the set: one tempo, one key signature, a simple metre (x/4, where the
     * file's quarter note is the beat), at least 20 s long.
     */
    private static List<Piece> tunes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(NOTTINGHAM)) {
            files = s.filter(f -> f.toString().endsWith(".mid")).sorted().toList();
        }
        List<Project> usable = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            Project p = MidiFiles.read(f);
            if (p.tempoMap().changes().size() == 1 && p.keySignatures().size() == 1
                    && p.timeSignatures().stream().allMatch(t -> t.denominator() == 4) && p.durationSeconds() >= 20) {
                usable.add(p);
                names.add(f.getFileName().toString());
            }
        }
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < TUNES; i++) {
            int index = (int) ((long) i * usable.size() / TUNES);
            Project p = usable.get(index);
            KeySignature k = p.keySignatures().get(0);
            double bpm = 72 + (i * 41) % 97;
            out.add(new Piece(names.get(index), p.withTempoMap(TempoMap.constant(bpm)), k.tonicPitchClass(), k.minor(),
                    bpm));
        }
        return out;
    }

    private static String keyName(int tonic, boolean minor) {
        return fermata.core.analysis.tonal.PitchClass.name(tonic) + (minor ? "m" : "");
    }

    private static double aubioBpm() throws Exception {
        Matcher m = Pattern.compile("([0-9.]+) bpm").matcher(run("aubio", "tempo", WAV.toString()));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double ffmpegLufs() throws Exception {
        String out = run("ffmpeg", "-hide_banner", "-nostats", "-i", WAV.toString(), "-af", "ebur128", "-f", "null", "-");
        Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(out);
        double lufs = Double.NaN;
        while (m.find()) {
            lufs = Double.parseDouble(m.group(1));
        }
        return lufs;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
