package fermata.core.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Interim WAV writer (16-bit, 24-bit PCM or 32-bit float) so that renders can be written and
 * tested before the media package's WavWriter lands; the lead will switch the CLI to that one
 * and remove this class. 16- and 24-bit output is TPDF-dithered with a fixed-seed generator, so
 * the bytes stay the same run after run.
 */
public final class WavFileSink implements AudioSink {
    /** Sample formats this sink writes. */
    public enum Format {
        PCM_16(16), PCM_24(24), FLOAT_32(32);

        final int bits;

        Format(int bits) {
            this.bits = bits;
        }
    }

    private final Path path;
    private final Format format;
    private OutputStream out;
    private int channels;
    private int sampleRate;
    private long dataBytes;
    private byte[] scratch = new byte[0];
    private long ditherState = 0x2545F4914F6CDD1DL;

    public WavFileSink(Path path, Format format) {
        this.path = path;
        this.format = format;
    }

    @Override
    public void begin(int rate, int channelCount, long totalFrames) throws IOException {
        sampleRate = rate;
        channels = channelCount;
        out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        out.write(header(0));
    }

    private byte[] header(long data) {
        int bytesPerSample = format.bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, 36 + data));
        b.put("WAVEfmt ".getBytes(US_ASCII)).putInt(16);
        b.putShort((short) (format == Format.FLOAT_32 ? 3 : 1)).putShort((short) channels).putInt(sampleRate);
        b.putInt(sampleRate * channels * bytesPerSample).putShort((short) (channels * bytesPerSample))
                .putShort((short) format.bits);
        b.put("data".getBytes(US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, data));
        return b.array();
    }

    @Override
    public void write(float[][] planar, int frames) throws IOException {
        int bytesPerSample = format.bits / 8;
        int size = frames * channels * bytesPerSample;
        if (scratch.length < size) {
            scratch = new byte[size];
        }
        int pos = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                float x = planar[c][i];
                switch (format) {
                    case FLOAT_32 -> {
                        int bits = Float.floatToIntBits(x);
                        scratch[pos++] = (byte) bits;
                        scratch[pos++] = (byte) (bits >> 8);
                        scratch[pos++] = (byte) (bits >> 16);
                        scratch[pos++] = (byte) (bits >> 24);
                    }
                    case PCM_16 -> {
                        int v = quantise(x, 32767);
                        scratch[pos++] = (byte) v;
                        scratch[pos++] = (byte) (v >> 8);
                    }
                    case PCM_24 -> {
                        int v = quantise(x, 8388607);
                        scratch[pos++] = (byte) v;
                        scratch[pos++] = (byte) (v >> 8);
                        scratch[pos++] = (byte) (v >> 16);
                    }
                }
            }
        }
        out.write(scratch, 0, size);
        dataBytes += size;
    }

    private int quantise(float x, int full) {
        double dither = (nextUniform() - nextUniform());
        long v = Math.round(x * (double) full + dither);
        return (int) Math.max(-full - 1, Math.min(full, v));
    }

    private double nextUniform() {
        ditherState ^= ditherState << 13;
        ditherState ^= ditherState >>> 7;
        ditherState ^= ditherState << 17;
        return (ditherState >>> 11) * 0x1.0p-53;
    }

    @Override
    public void close() throws IOException {
        if (out == null) {
            return;
        }
        out.close();
        out = null;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(header(dataBytes)), 0);
        }
    }
}
