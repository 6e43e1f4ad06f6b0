package fermata.core.media;

import fermata.core.error.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Reading and converting audio files: the entry point for the rest of Fermata.
 *
 * <p>All formats decode through FFmpeg (WAV, AIFF, FLAC, MP3, Ogg Vorbis), block by block, so
 * memory does not grow with the length of a file. WAV headers are checked first by Fermata's own
 * parser, which names the chunk and byte that are wrong. For random access to WAV frames, use
 * {@link WavFile#map}; to write WAV, {@link WavWriter}; to change the rate, {@link Resampler}.
 *
 * <p>Every problem with the input comes back as one {@link BadInputException} naming the file,
 * the position and a remedy; {@link IOException} is left for the disk itself failing.
 */
public final class AudioFiles {
    private static final int BLOCK = 8192;

    private AudioFiles() {
    }

    /** Format, codec, rate, channels and length, read from the header without decoding. */
    public static AudioInfo probe(Path file) throws IOException, BadInputException {
        try (FfmpegDecoder decoder = openChecked(file, false)) {
            return decoder.info();
        }
    }

    /** Opens a decoder; close the stream when done. */
    public static AudioStream open(Path file) throws IOException, BadInputException {
        return openChecked(file, true);
    }

    private static FfmpegDecoder openChecked(Path file, boolean decode) throws IOException, BadInputException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, null, Files.exists(file) ? "not a regular file" : "no such file",
                    "Check the path");
        }
        byte[] start = new byte[12];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(start, 0, start.length);
        }
        if (WavHeader.looksLikeWav(start, length)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                WavHeader.read(file, channel);
            }
        }
        return FfmpegDecoder.open(file, decode);
    }

    /**
     * Decodes a whole file into memory, for analyses that need random access to all of it. Refuses
     * files longer than {@code maxSeconds} with a clear message rather than running out of memory.
     */
    public static DecodedAudio readAll(Path file, double maxSeconds) throws IOException, BadInputException {
        try (AudioStream stream = open(file)) {
            AudioInfo info = stream.info();
            int channels = info.channels();
            long limit = (long) Math.ceil(maxSeconds * info.sampleRate());
            if (info.framesExact() && info.frames() > limit) {
                throw new BadInputException(file, null, String.format(java.util.Locale.ROOT,
                        "%.0f s long, more than the %.0f s this operation reads at once", info.durationSeconds(),
                        maxSeconds), "Cut the file into shorter parts");
            }
            int capacity = (int) Math.min(limit, Math.max(BLOCK, info.frames()));
            float[][] samples = new float[channels][capacity];
            int filled = 0;
            int count;
            while (true) {
                if (filled == samples[0].length) {
                    if (filled >= limit) {
                        throw new BadInputException(file, "frame " + filled, "longer than the "
                                + Math.round(maxSeconds) + " s this operation reads at once", "Cut the file into shorter parts");
                    }
                    int grown = (int) Math.min(limit, (long) filled * 2);
                    for (int c = 0; c < channels; c++) {
                        samples[c] = java.util.Arrays.copyOf(samples[c], grown);
                    }
                }
                count = stream.read(samples, filled, Math.min(BLOCK, samples[0].length - filled));
                if (count <= 0) {
                    break;
                }
                filled += count;
            }
            for (int c = 0; c < channels; c++) {
                samples[c] = java.util.Arrays.copyOf(samples[c], filled);
            }
            return new DecodedAudio(samples, info.sampleRate());
        }
    }

    /** The sample peak over all channels, decoding the whole file. */
    public static SamplePeak samplePeak(Path file) throws IOException, BadInputException {
        try (AudioStream stream = open(file)) {
            int channels = stream.info().channels();
            float[][] block = new float[channels][BLOCK];
            double peak = 0;
            int peakChannel = 0;
            long peakFrame = 0;
            long position = 0;
            int count;
            while ((count = stream.read(block, 0, BLOCK)) > 0) {
                for (int c = 0; c < channels; c++) {
                    float[] samples = block[c];
                    for (int i = 0; i < count; i++) {
                        double magnitude = Math.abs(samples[i]);
                        if (magnitude > peak) {
                            peak = magnitude;
                            peakChannel = c;
                            peakFrame = position + i;
                        }
                    }
                }
                position += count;
            }
            return new SamplePeak(peak, peakChannel, peakFrame);
        }
    }

    /**
     * Decodes {@code in} and writes it as WAV to {@code out} (replacing it, atomically: the CLI asks
     * for --force before calling this), optionally at another sample rate.
     *
     * <p>When the conversion cannot keep every sample exactly (fewer bits than the source, a new
     * rate, a lossy or float source to integer PCM), 16- and 24-bit output is TPDF-dithered;
     * otherwise it is bit-exact (16-bit WAV or FLAC to 16 or 24 bits).
     *
     * @param bits 16 or 24 (integer PCM) or 32 (float)
     * @param sampleRate the output rate, or null to keep the source's
     * @return what was written
     */
    public static AudioInfo convertToWav(Path in, Path out, int bits, Integer sampleRate)
            throws IOException, BadInputException {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new BadInputException(null, "bits", "WAV output must be 16, 24 or 32 bits, not " + bits,
                    "Choose 16, 24 or 32 (float)");
        }
        if (sampleRate != null && (sampleRate < 1 || sampleRate > WavHeader.MAX_SAMPLE_RATE)) {
            throw new BadInputException(null, "sample rate", "the rate " + sampleRate + " Hz is out of range",
                    "Choose a rate from 8000 to 384000 Hz, such as 44100 or 48000");
        }
        try (AudioStream source = open(in)) {
            AudioInfo from = source.info();
            int rate = sampleRate == null ? from.sampleRate() : sampleRate;
            WavWriter.Encoding encoding = WavWriter.Encoding.forBits(bits);
            boolean exact = rate == from.sampleRate() && isIntegerPcm(from) && from.bitsPerSample() <= bits;
            WavWriter.Dither dither = exact ? WavWriter.Dither.NONE : WavWriter.Dither.TPDF;
            int channels = from.channels();
            float[][] block = new float[channels][BLOCK];
            try (WavWriter writer = WavWriter.create(out, rate, channels, encoding, dither)) {
                if (rate == from.sampleRate()) {
                    int count;
                    while ((count = source.read(block, 0, BLOCK)) > 0) {
                        writer.write(block, 0, count);
                    }
                } else {
                    try (Resampler resampler = new Resampler(channels, from.sampleRate(), rate)) {
                        float[][] resampled = new float[channels][resampler.maxOutputFrames(BLOCK)];
                        int count;
                        while ((count = source.read(block, 0, BLOCK)) > 0) {
                            writer.write(resampled, 0, resampler.process(block, 0, count, resampled, 0));
                        }
                        float[][] tail = resampler.finish();
                        writer.write(tail, 0, tail[0].length);
                    }
                }
                writer.commit();
                return new AudioInfo("wav", encoding == WavWriter.Encoding.FLOAT_32 ? "pcm_f32le"
                        : "pcm_s" + bits + "le", rate, channels, writer.framesWritten(), true, bits);
            }
        }
    }

    /** Integer samples of at most {@code bitsPerSample} bits: PCM or FLAC, not float or lossy. */
    private static boolean isIntegerPcm(AudioInfo info) {
        boolean integerCodec = info.codec().equals("flac")
                || (info.codec().startsWith("pcm_") && !info.codec().startsWith("pcm_f"));
        return integerCodec && info.bitsPerSample() > 0;
    }
}
