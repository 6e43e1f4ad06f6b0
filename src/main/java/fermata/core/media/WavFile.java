package fermata.core.media;

import fermata.core.error.BadInputException;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * A WAV file mapped into memory for random access to any frame range: what the waveform editor
 * and the engine need to read a clip from any position without decoding from the start.
 *
 * <p>Hand-written rather than delegated: FFmpeg, javax.sound and the Java audio libraries all read
 * WAV as a stream with a cursor, and seeking them re-parses and copies; none offers a
 * memory-mapped, cursor-free read of frame {@code n}. The header is small and well specified
 * ({@link WavHeader} checks it strictly), and the sample formats are a handful of scalings
 * shared with the FFmpeg path ({@link PcmScale}), so both readers give identical floats.
 *
 * <p>Supports PCM 8/16/24/32-bit and IEEE float 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE.
 * Other WAV codecs (ADPCM, mu-law, ...) decode through {@link AudioFiles#open}. The data is mapped
 * in segments below 2 GiB (the limit of one Java mapping), each a whole number of frames.
 *
 * <p>{@link #read} keeps no cursor and uses absolute reads of read-only buffers, so several
 * threads may read at once. It allocates nothing, but a first touch of a page is disk I/O: an
 * audio thread should read ahead through a worker. Truncating the file while it is mapped makes
 * reads fail with an {@link InternalError} from the JVM.
 */
public final class WavFile implements AutoCloseable {
    private static final long SEGMENT_BYTES = 1L << 30;

    private final Path file;
    private final WavHeader header;
    private final AudioInfo info;
    private final SampleType type;
    private final MappedByteBuffer[] segments;
    private final long framesPerSegment;

    private enum SampleType { U8, S16, S24, S32, F32, F64 }

    private WavFile(Path file, WavHeader header, MappedByteBuffer[] segments, long framesPerSegment) {
        this.file = file;
        this.header = header;
        this.segments = segments;
        this.framesPerSegment = framesPerSegment;
        this.type = header.formatTag() == WavHeader.FORMAT_FLOAT
                ? (header.bitsPerSample() == 32 ? SampleType.F32 : SampleType.F64)
                : switch (header.bitsPerSample()) {
                    case 8 -> SampleType.U8;
                    case 16 -> SampleType.S16;
                    case 24 -> SampleType.S24;
                    default -> SampleType.S32;
                };
        this.info = new AudioInfo("wav", header.codecName(), header.sampleRate(), header.channels(), header.frames(),
                true, header.bitsPerSample());
    }

    /**
     * Checks the header and maps the samples.
     *
     * @throws BadInputException not a WAV file, a corrupt header, or a codec other than PCM/float
     * @throws IOException the file could not be read
     */
    public static WavFile map(Path file) throws IOException, BadInputException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, null, Files.exists(file) ? "not a regular file" : "no such file",
                    "Check the path");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            WavHeader header = WavHeader.read(file, channel);
            if (header.codecName() == null) {
                throw new BadInputException(file, "'fmt ' chunk", "WAV format tag 0x"
                        + Integer.toHexString(header.formatTag()) + " is not PCM or float",
                        "Convert it to PCM: fermata convert IN.wav OUT.wav");
            }
            long framesPerSegment = SEGMENT_BYTES / header.blockAlign();
            long segmentBytes = framesPerSegment * header.blockAlign();
            int count = (int) ((header.dataLength() + segmentBytes - 1) / segmentBytes);
            MappedByteBuffer[] segments = new MappedByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long start = header.dataOffset() + i * segmentBytes;
                long length = Math.min(segmentBytes, header.dataLength() - i * segmentBytes);
                segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
                segments[i].order(ByteOrder.LITTLE_ENDIAN);
            }
            return new WavFile(file, header, segments, framesPerSegment);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "no such file", "Check the path", e);
        }
    }

    public AudioInfo info() {
        return info;
    }

    public Path file() {
        return file;
    }

    public long frames() {
        return info.frames();
    }

    public int channels() {
        return info.channels();
    }

    public int sampleRate() {
        return info.sampleRate();
    }

    /**
     * Copies frames {@code [frame, frame + frames)} into {@code dst[channel][offset ..]}.
     *
     * @throws IndexOutOfBoundsException the range is outside the file or the destination
     */
    public void read(long frame, float[][] dst, int offset, int frames) {
        Objects.checkFromIndexSize(frame, frames, info.frames());
        if (dst.length < info.channels()) {
            throw new IndexOutOfBoundsException("destination has " + dst.length + " channels, file has "
                    + info.channels());
        }
        for (int c = 0; c < info.channels(); c++) {
            Objects.checkFromIndexSize(offset, frames, dst[c].length);
        }
        while (frames > 0) {
            int segment = (int) (frame / framesPerSegment);
            long inSegment = frame - segment * framesPerSegment;
            int count = (int) Math.min(frames, framesPerSegment - inSegment);
            decode(segments[segment], (int) (inSegment * header.blockAlign()), dst, offset, count);
            frame += count;
            offset += count;
            frames -= count;
        }
    }

    private void decode(MappedByteBuffer data, int start, float[][] dst, int offset, int frames) {
        int channels = info.channels();
        int blockAlign = header.blockAlign();
        for (int c = 0; c < channels; c++) {
            float[] out = dst[c];
            int position = start + c * (header.bitsPerSample() / 8);
            switch (type) {
                case U8 -> {
                    for (int i = 0; i < frames; i++, position += blockAlign) {
                        out[offset + i] = PcmScale.u8(data.get(position) & 0xFF);
                    }
                }
                case S16 -> {
                    for (int i = 0; i < frames; i++, position += blockAlign) {
                        out[offset + i] = data.getShort(position) * PcmScale.S16;
                    }
                }
                case S24 -> {
                    for (int i = 0; i < frames; i++, position += blockAlign) {
                        int sample = (data.get(position + 2) << 16) | ((data.get(position + 1) & 0xFF) << 8)
                                | (data.get(position) & 0xFF);
                        out[offset + i] = sample * PcmScale.S24;
                    }
                }
                case S32 -> {
                    for (int i = 0; i < frames; i++, position += blockAlign) {
                        out[offset + i] = PcmScale.s32(data.getInt(position));
                    }
                }
                case F32 -> {
                    for (int i = 0; i < frames; i++, position += blockAlign) {
                        out[offset + i] = data.getFloat(position);
                    }
                }
                case F64 -> {
                    for (int i = 0; i < frames; i++, position += blockAlign) {
                        out[offset + i] = (float) data.getDouble(position);
                    }
                }
            }
        }
    }

    /** Drops the mappings (reads after this fail); the JVM unmaps them when they are collected, Java 17 has no explicit unmap. */
    @Override
    public void close() {
        Arrays.fill(segments, null);
    }
}
