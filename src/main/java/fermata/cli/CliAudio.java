package fermata.cli;

import fermata.core.media.WavWriter;
import fermata.core.task.Progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What the audio-writing verbs share: the --bits sample format, progress lines on stderr, and the WAV they write. */
final class CliAudio {
    private CliAudio() {
    }

    /** The WAV sample format named by a --bits value: 16, 24 or 32f. */
    static WavWriter.Encoding encoding(String bits) {
        return switch (bits) {
            case "16" -> WavWriter.Encoding.PCM_16;
            case "24" -> WavWriter.Encoding.PCM_24;
            case "32f", "32" -> WavWriter.Encoding.FLOAT_32;
            default -> throw new CliException("--bits must be 16, 24 or 32f, was " + bits);
        };
    }

    /** Progress on stderr, one line each time another tenth is done, so a long job shows it is alive without flooding the log. */
    static Progress stderrProgress(PrintWriter err) {
        int[] lastPercent = {-1};
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                int percent = (int) Math.floor(100 * fraction);
                if (percent / 10 != lastPercent[0] / 10) {
                    lastPercent[0] = percent;
                    err.printf(Locale.ROOT, "fermata: %3d%% %s%n", percent, message);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Writes {@code samples} atomically as a WAV; integer formats get TPDF dither, float needs none. */
    static void writeWav(Path out, float[][] samples, int sampleRate, WavWriter.Encoding encoding) throws IOException {
        try (WavWriter writer = WavWriter.create(out, sampleRate, samples.length, encoding,
                encoding == WavWriter.Encoding.FLOAT_32 ? WavWriter.Dither.NONE : WavWriter.Dither.TPDF)) {
            writer.write(samples, 0, samples[0].length);
            writer.commit();
        }
    }
}
