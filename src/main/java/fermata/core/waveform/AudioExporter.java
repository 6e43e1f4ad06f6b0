package fermata.core.waveform;

import fermata.core.engine.AudioTrackReader;
import fermata.core.media.Resampler;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioTrack;
import fermata.core.model.Marker;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a range of an audio track, edits applied, to a WAV file: 16- or 24-bit PCM or 32-bit
 * float, at the project's rate or any other (the media package's band-limited resampler). The file
 * is written beside the target and renamed into place only when complete, and an existing file is
 * replaced only when asked. The track's own channels are written (no fader, pan or master bus:
 * for the mix, render the project).
 */
public final class AudioExporter {
    private static final int BLOCK = 8192;

    /**
     * How to write.
     *
     * @param bits 16, 24 or 32 (float)
     * @param sampleRate the file's rate, any from 1 Hz to 1.536 MHz
     * @param dither TPDF dither for 16/24 bits (float needs none)
     * @param overwrite replace an existing file
     */
    public record Format(int bits, int sampleRate, WavWriter.Dither dither, boolean overwrite) {
        public Format {
            WavWriter.Encoding.forBits(bits);
            if (sampleRate < 1 || sampleRate > 1_536_000) {
                throw new IllegalArgumentException("sample rate must be 1..1536000 Hz, was " + sampleRate);
            }
            dither = dither == null ? WavWriter.Dither.NONE : dither;
        }
    }

    /** What was written. */
    public record Result(Path file, long frames, int sampleRate, int channels) {
    }

    private AudioExporter() {
    }

    /** The whole track: from its start to the end of its last clip. */
    public static long[] wholeTrack(AudioTrackReader reader) {
        return new long[] {0, Math.max(1, reader.endFrame())};
    }

    /** The frames of a named region of the track. */
    public static long[] region(AudioTrack track, String markerId) {
        for (Marker m : track.markers()) {
            if (m.id().equals(markerId)) {
                if (!m.isRegion()) {
                    throw new IllegalArgumentException("marker " + m.name() + " is a point, not a region");
                }
                return new long[] {m.frame(), m.endFrame()};
            }
        }
        throw new IllegalArgumentException("track " + track.name() + " has no region " + markerId);
    }

    /** Exports frames {@code [from, to)} of the track {@code reader} reads. */
    public static Result export(AudioTrackReader reader, long from, long to, Path target, Format format,
                                Progress progress) throws IOException, CancelledException {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("nothing to export: the range " + from + ".." + to + " is empty");
        }
        if (!format.overwrite() && Files.exists(target)) {
            throw new java.nio.file.FileAlreadyExistsException(target.toString(), null,
                    "exists; choose another name or allow replacing it");
        }
        int channels = reader.channels();
        long inFrames = to - from;
        long outFrames = Resampler.outputLength(inFrames, reader.sampleRate(), format.sampleRate());
        float[][] block = new float[channels][BLOCK];
        try (WavWriter out = WavWriter.create(target, format.sampleRate(), channels,
                WavWriter.Encoding.forBits(format.bits()), format.dither())) {
            if (format.sampleRate() == reader.sampleRate()) {
                for (long at = from; at < to; at += BLOCK) {
                    progress.checkCancelled();
                    int n = (int) Math.min(BLOCK, to - at);
                    reader.read(at, block, 0, n);
                    out.write(block, 0, n);
                    progress.update((double) (at - from) / inFrames, "exporting");
                }
            } else {
                resampled(reader, from, to, out, outFrames, format.sampleRate(), block, progress);
            }
            out.commit();
        }
        progress.update(1, "exported");
        return new Result(target, outFrames, format.sampleRate(), channels);
    }

    private static void resampled(AudioTrackReader reader, long from, long to, WavWriter out, long outFrames,
                                  int rate, float[][] block, Progress progress) throws IOException, CancelledException {
        int channels = block.length;
        long written = 0;
        try (Resampler resampler = new Resampler(channels, reader.sampleRate(), rate)) {
            float[][] converted = new float[channels][resampler.maxOutputFrames(BLOCK)];
            for (long at = from; at < to; at += BLOCK) {
                progress.checkCancelled();
                int n = (int) Math.min(BLOCK, to - at);
                reader.read(at, block, 0, n);
                int ready = resampler.process(block, 0, n, converted, 0);
                int keep = (int) Math.min(ready, outFrames - written);
                out.write(converted, 0, keep);
                written += keep;
                progress.update((double) (at - from) / (to - from), "exporting");
            }
            float[][] tail = resampler.finish();
            int tailFrames = tail.length == 0 ? 0 : tail[0].length;
            int keep = (int) Math.min(tailFrames, outFrames - written);
            out.write(tail, 0, keep);
            written += keep;
        }
        if (written < outFrames) {
            float[][] silence = new float[channels][(int) (outFrames - written)];
            out.write(silence, 0, silence[0].length);
        }
    }
}
