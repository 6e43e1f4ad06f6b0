package fermata.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes a WAV file block by block, atomically: samples go to a temporary file beside the target,
 * and only {@link #commit()} patches the header, syncs it to disk and renames it over the target.
 * Closing without committing (an exception, a cancelled export) deletes the temporary file, so a
 * half-written WAV never appears under the target's name and an existing target stays intact.
 *
 * <pre>{@code
 * try (WavWriter out = WavWriter.create(path, 48000, 2, WavWriter.Encoding.PCM_24)) {
 *     out.write(block, 0, frames);   // as often as needed
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>Integer encodings round to the nearest step and clip to full scale; so a float that came from
 * a b-bit sample is written back as the same sample (decode then encode is exact). {@link
 * Dither#TPDF} adds triangular noise of +-1 step before rounding, which turns the rounding error
 * into a steady hiss instead of distortion that follows the signal; use it when reducing the
 * resolution of new material (a mix, a resampled or lossy source). Its noise is seeded, so the same
 * input gives the same file. Float output is written unchanged, unclipped.
 *
 * <p>Mono and stereo use the plain PCM (1) or IEEE float (3) format tags, which every program
 * reads; more channels use WAVE_FORMAT_EXTENSIBLE, as the format requires, with a channel mask of 0
 * (no speaker positions assigned). Float files carry the 'fact' chunk the specification asks for.
 */
public final class WavWriter implements AutoCloseable {
    private static final long MAX_RIFF_BYTES = 0xFFFFFFFFL;
    private static final long DITHER_SEED = 0x5EED_F0E5L;

    public enum Encoding {
        PCM_16(16), PCM_24(24), FLOAT_32(32);

        private final int bits;

        Encoding(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }

        /** 16 and 24 give integer PCM, 32 gives float (32-bit integer is no use for audio work). */
        public static Encoding forBits(int bits) {
            return switch (bits) {
                case 16 -> PCM_16;
                case 24 -> PCM_24;
                case 32 -> FLOAT_32;
                default -> throw new IllegalArgumentException("WAV output bits must be 16, 24 or 32, was " + bits);
            };
        }
    }

    public enum Dither { NONE, TPDF }

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final int channels;
    private final int sampleRate;
    private final Encoding encoding;
    private final SplittableRandom noise;
    private final int headerBytes;
    private final ByteBuffer buffer;
    private long frames;
    private boolean committed;
    private boolean closed;

    private WavWriter(Path target, Path temporary, FileChannel channel, int sampleRate, int channels,
                      Encoding encoding, Dither dither) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.encoding = encoding;
        this.noise = dither == Dither.TPDF && encoding != Encoding.FLOAT_32 ? new SplittableRandom(DITHER_SEED) : null;
        this.headerBytes = header(0).remaining();
        this.buffer = ByteBuffer.allocate(Math.max(1, 65536 / bytesPerFrame()) * bytesPerFrame())
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    public static WavWriter create(Path target, int sampleRate, int channels, Encoding encoding) throws IOException {
        return create(target, sampleRate, channels, encoding, Dither.NONE);
    }

    /** Starts a temporary file beside {@code target}; nothing appears at {@code target} before commit. */
    public static WavWriter create(Path target, int sampleRate, int channels, Encoding encoding, Dither dither)
            throws IOException {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(dither, "dither");
        if (channels < 1 || channels > WavHeader.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + WavHeader.MAX_CHANNELS + ", was " + channels);
        }
        if (sampleRate < 1 || sampleRate > WavHeader.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate must be 1.." + WavHeader.MAX_SAMPLE_RATE + ", was "
                    + sampleRate);
        }
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".part");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            WavWriter writer = new WavWriter(absolute, temporary, channel, sampleRate, channels, encoding, dither);
            channel.write(writer.header(0));
            return writer;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Appends {@code planar[channel][offset .. offset + frames)}. */
    public void write(float[][] planar, int offset, int frames) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        if (planar.length < channels) {
            throw new IndexOutOfBoundsException("block has " + planar.length + " channels, the file " + channels);
        }
        for (int c = 0; c < channels; c++) {
            Objects.checkFromIndexSize(offset, frames, planar[c].length);
        }
        if (headerBytes + (this.frames + frames) * bytesPerFrame() > MAX_RIFF_BYTES) {
            throw new IOException(target + ": a WAV file cannot hold more than 4 GiB; export FLAC or split the export");
        }
        for (int i = 0; i < frames; i++) {
            if (buffer.remaining() < bytesPerFrame()) {
                flush();
            }
            for (int c = 0; c < channels; c++) {
                put(planar[c][offset + i]);
            }
        }
        this.frames += frames;
    }

    private void put(float sample) {
        switch (encoding) {
            case PCM_16 -> buffer.putShort((short) quantize(sample, 32768.0));
            case PCM_24 -> {
                int value = quantize(sample, 8388608.0);
                buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
            }
            case FLOAT_32 -> buffer.putFloat(sample);
        }
    }

    private int quantize(float sample, double fullScale) {
        double scaled = sample * fullScale;
        if (noise != null) {
            scaled += noise.nextDouble() - noise.nextDouble();
        }
        long step = Math.round(scaled);
        return (int) Math.max(-fullScale, Math.min(fullScale - 1, step));
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    public long framesWritten() {
        return frames;
    }

    /** Finishes the header, syncs the data and renames the file over the target (replacing it). */
    public void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        flush();
        ByteBuffer header = header(frames * bytesPerFrame());
        channel.write(header, 0);
        channel.force(true);
        channel.close();
        closed = true;
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Without a commit, deletes the temporary file; the target is left as it was. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }

    private int bytesPerFrame() {
        return channels * encoding.bits() / 8;
    }

    private ByteBuffer header(long dataBytes) {
        boolean isFloat = encoding == Encoding.FLOAT_32;
        boolean extensible = channels > 2;
        int formatTag = isFloat ? WavHeader.FORMAT_FLOAT : WavHeader.FORMAT_PCM;
        int fmtBytes = extensible ? 40 : isFloat ? 18 : 16;
        int factBytes = isFloat ? 12 : 0;
        int size = 12 + 8 + fmtBytes + factBytes + 8;
        ByteBuffer header = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (size - 8 + dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(fmtBytes)
                .putShort((short) (extensible ? WavHeader.FORMAT_EXTENSIBLE : formatTag))
                .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * bytesPerFrame())
                .putShort((short) bytesPerFrame()).putShort((short) encoding.bits());
        if (extensible) {
            header.putShort((short) 22).putShort((short) encoding.bits()).putInt(0)
                    .putShort((short) formatTag)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        } else if (isFloat) {
            header.putShort((short) 0);
        }
        if (isFloat) {
            header.put(ascii("fact")).putInt(4).putInt((int) (dataBytes / bytesPerFrame()));
        }
        header.put(ascii("data")).putInt((int) dataBytes);
        return header.flip();
    }

    private static byte[] ascii(String id) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }
}
