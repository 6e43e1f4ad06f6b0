package fermata.cli;

import fermata.core.analysis.AnalysisJson;
import fermata.core.analysis.AnalysisReport;
import fermata.core.analysis.Analyzer;
import fermata.core.analysis.advice.Advice;
import fermata.core.error.BadInputException;
import fermata.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fermata analyze FILE [--json]}: loudness, tempo, beats, key, chords, pitch and advice.
 * Reads WAV and AIFF (PCM 8-32 bit, 32/64-bit float) through javax.sound.sampled until the
 * FFmpeg-backed decoder in core.media takes over the reading.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse an audio file: loudness (EBU R128), tempo, beats, key, chords, pitch, advice.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a WAV or AIFF file")
    Path file;

    @Option(names = "--json", description = "print the report as JSON on stdout")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Decoded audio = read(file);
        Progress progress = new Progress() {
            @Override
            public void update(double fraction, String message) {
                err.printf(Locale.ROOT, "%3.0f%% %s%n", 100 * Math.max(0, fraction), message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        AnalysisReport report = Analyzer.analyze(audio.samples(), audio.sampleRate(), progress);
        if (json) {
            out.println(AnalysisJson.write(report));
        } else {
            printSummary(report, out);
        }
        out.flush();
        return FermataCommand.EXIT_OK;
    }

    private static void printSummary(AnalysisReport r, PrintWriter out) {
        var l = r.loudness();
        out.printf(Locale.ROOT, "duration     %.1f s, %d Hz, %d channels%n", r.durationSeconds(), r.sampleRate(),
                r.channels());
        out.printf(Locale.ROOT, "loudness     %.1f LUFS integrated, %.1f LU range, %.1f dBTP true peak%n",
                l.integratedLufs(), l.rangeLu(), l.truePeakDbtp());
        out.printf(Locale.ROOT, "tempo        %.1f BPM (confidence %.2f), %d beats%n", r.rhythm().tempo().bpm(),
                r.rhythm().tempo().confidence(), r.rhythm().beats().size());
        out.printf(Locale.ROOT, "key          %s%n", r.tonal().key() == null ? "-" : r.tonal().key().label());
        out.printf(Locale.ROOT, "chords       %d changes%n", r.tonal().chords().size());
        if (r.pitch() != null) {
            out.printf(Locale.ROOT, "pitch        %.1f-%.1f Hz, median %.1f Hz%n", r.pitch().minHz(), r.pitch().maxHz(),
                    r.pitch().medianHz());
        }
        for (Advice a : r.advice()) {
            out.printf(Locale.ROOT, "%-12s %s%n", a.severity().label(), a.message());
        }
    }

    /** Planar float samples and their rate. */
    record Decoded(float[][] samples, int sampleRate) {
    }

    static Decoded read(Path file) throws BadInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, null, "no such file", "check the path");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            int bytes = f.getSampleSizeInBits() / 8;
            int channels = f.getChannels();
            boolean isFloat = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
            boolean signed = f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED;
            boolean unsigned = f.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED;
            if (!(isFloat && (bytes == 4 || bytes == 8)) && !((signed || unsigned) && bytes >= 1 && bytes <= 4)) {
                throw new BadInputException(file, null, "unsupported sample format " + f,
                        "convert it to 16- or 24-bit PCM WAV");
            }
            byte[] data = in.readAllBytes();
            int frames = data.length / (bytes * channels);
            float[][] samples = new float[channels][frames];
            ByteBuffer buffer = ByteBuffer.wrap(data).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    samples[c][i] = sample(buffer, (i * channels + c) * bytes, bytes, isFloat, unsigned);
                }
            }
            return new Decoded(samples, Math.round(f.getSampleRate()));
        } catch (UnsupportedAudioFileException e) {
            throw new BadInputException(file, null, "not an audio format this build can read",
                    "convert it to WAV (the FFmpeg decoder for other formats is coming)", e);
        }
    }

    private static float sample(ByteBuffer b, int at, int bytes, boolean isFloat, boolean unsigned) {
        if (isFloat) {
            return bytes == 4 ? b.getFloat(at) : (float) b.getDouble(at);
        }
        long v = 0;
        boolean big = b.order() == ByteOrder.BIG_ENDIAN;
        for (int k = 0; k < bytes; k++) {
            int index = big ? at + k : at + bytes - 1 - k;
            v = (v << 8) | (b.get(index) & 0xFF);
        }
        int bits = 8 * bytes;
        if (unsigned) {
            v -= 1L << (bits - 1);
        } else if ((v & (1L << (bits - 1))) != 0) {
            v -= 1L << bits;
        }
        return (float) (v / (double) (1L << (bits - 1)));
    }
}
