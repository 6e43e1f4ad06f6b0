package fermata.core.media;

import fermata.core.error.BadInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The parts of a RIFF/WAVE header that locate and describe the samples, read and checked by
 * hand: every chunk must fit in the file, {@code fmt } must precede {@code data}, and the format
 * must be self-consistent. Both the mapped reader and the FFmpeg path run this first, so a broken
 * WAV always fails with the chunk and byte offset that are wrong.
 *
 * <p>Deliberately strict: a data length larger than the file (a truncated file, or the
 * 0xFFFFFFFF that streaming writers leave) is rejected rather than guessed, because a guess
 * silently changes the length of a clip. The remedy in the message repairs such files.
 *
 * @param formatTag 1 PCM, 3 IEEE float, or another WAVE_FORMAT_* (subformat when extensible)
 * @param extensible whether the file uses WAVE_FORMAT_EXTENSIBLE
 * @param bitsPerSample container bits per sample (valid bits may be fewer, left-justified)
 * @param dataOffset byte offset of the first sample
 * @param dataLength bytes of sample data, a whole number of frames for PCM and float
 */
record WavHeader(int formatTag, boolean extensible, int channels, int sampleRate, int bitsPerSample,
                 int blockAlign, long dataOffset, long dataLength) {
    static final int FORMAT_PCM = 1;
    static final int FORMAT_FLOAT = 3;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;
    static final int MAX_CHANNELS = 64;
    static final int MAX_SAMPLE_RATE = 1_536_000;

    /** The KSDATAFORMAT_SUBTYPE GUID after its first two bytes (which hold the format tag). */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final String REPAIR = "The file is truncated or its header is wrong: re-export it, or rewrite "
            + "the header with: ffmpeg -i IN.wav -c copy OUT.wav";

    /** Whether {@code first12} (the first bytes of a file) start a RIFF/WAVE or RF64 file. */
    static boolean looksLikeWav(byte[] first12, int length) {
        if (length < 12) {
            return false;
        }
        String riff = new String(first12, 0, 4, StandardCharsets.ISO_8859_1);
        String wave = new String(first12, 8, 4, StandardCharsets.ISO_8859_1);
        return (riff.equals("RIFF") || riff.equals("RF64")) && wave.equals("WAVE");
    }

    static WavHeader read(Path file, FileChannel channel) throws IOException, BadInputException {
        long size = channel.size();
        if (size < 12) {
            throw new BadInputException(file, "byte 0", "the file is " + size + " bytes, too short for a WAV header",
                    "Choose a complete WAV file");
        }
        ByteBuffer head = readAt(channel, 0, 12);
        String riff = ascii(head, 0);
        if (riff.equals("RF64")) {
            throw new BadInputException(file, "byte 0", "RF64 (WAV over 4 GiB) is not supported",
                    "Convert it to FLAC or split it: ffmpeg -i IN.wav OUT.flac");
        }
        if (!riff.equals("RIFF") || !ascii(head, 8).equals("WAVE")) {
            throw new BadInputException(file, "byte 0", "not a RIFF/WAVE file", "Choose a WAV file");
        }
        long riffEnd = 8 + u32(head, 4);
        // A last chunk of odd length often lacks its pad byte; that one byte is forgiven.
        if (riffEnd > size + 1) {
            throw new BadInputException(file, "RIFF header, byte 4", "the header declares " + riffEnd
                    + " bytes but the file has " + size, REPAIR);
        }
        riffEnd = Math.min(riffEnd, size);

        Format format = null;
        long position = 12;
        while (position + 8 <= riffEnd) {
            ByteBuffer chunkHead = readAt(channel, position, 8);
            String id = ascii(chunkHead, 0);
            long length = u32(chunkHead, 4);
            long body = position + 8;
            if (!isChunkId(id)) {
                throw new BadInputException(file, "byte " + position, "corrupt chunk header (id "
                        + printable(id) + ")", REPAIR);
            }
            String where = "chunk '" + id + "' at byte " + position;
            if (id.equals("data")) {
                if (format == null) {
                    throw new BadInputException(file, where, "sample data comes before the 'fmt ' chunk", REPAIR);
                }
                if (body + length > size) {
                    String problem = length == 0xFFFFFFFFL
                            ? "the data length is unknown (0xFFFFFFFF, as written to a pipe or a stream)"
                            : "the data chunk declares " + length + " bytes but only " + (size - body) + " follow";
                    throw new BadInputException(file, where, problem, REPAIR);
                }
                return format.withData(file, where, body, length);
            }
            if (body + length > riffEnd) {
                throw new BadInputException(file, where, "the chunk declares " + length + " bytes but only "
                        + (riffEnd - body) + " follow", REPAIR);
            }
            if (id.equals("fmt ")) {
                format = Format.parse(file, where, readAt(channel, body, (int) Math.min(length, 40)), length);
            }
            position = body + length + (length & 1);
        }
        throw new BadInputException(file, "byte " + position, format == null ? "no 'fmt ' chunk" : "no 'data' chunk",
                REPAIR);
    }

    /** The FFmpeg name of the codec, for PCM and float; null for other format tags. */
    String codecName() {
        if (formatTag == FORMAT_FLOAT) {
            return bitsPerSample == 32 ? "pcm_f32le" : "pcm_f64le";
        }
        if (formatTag != FORMAT_PCM) {
            return null;
        }
        return bitsPerSample == 8 ? "pcm_u8" : "pcm_s" + bitsPerSample + "le";
    }

    long frames() {
        return blockAlign == 0 ? 0 : dataLength / blockAlign;
    }

    private record Format(int formatTag, boolean extensible, int channels, long sampleRate, int bitsPerSample,
                          int blockAlign) {

        static Format parse(Path file, String where, ByteBuffer fmt, long length) throws BadInputException {
            if (length < 16) {
                throw new BadInputException(file, where, "the format chunk is " + length + " bytes, at least 16 needed",
                        REPAIR);
            }
            int tag = fmt.getShort(0) & 0xFFFF;
            int channels = fmt.getShort(2) & 0xFFFF;
            long sampleRate = fmt.getInt(4) & 0xFFFFFFFFL;
            int blockAlign = fmt.getShort(12) & 0xFFFF;
            int bits = fmt.getShort(14) & 0xFFFF;
            boolean extensible = tag == FORMAT_EXTENSIBLE;
            if (extensible) {
                if (length < 40) {
                    throw new BadInputException(file, where, "WAVE_FORMAT_EXTENSIBLE needs a 40-byte format chunk, this one has "
                            + length, REPAIR);
                }
                tag = fmt.getShort(24) & 0xFFFF;
                for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
                    if (fmt.get(26 + i) != SUBFORMAT_GUID_TAIL[i]) {
                        throw new BadInputException(file, where + ", byte " + (26 + i) + " of the chunk",
                                "unknown WAVE_FORMAT_EXTENSIBLE sub-format", "Convert it to PCM with another program");
                    }
                }
            }
            if (channels < 1 || channels > MAX_CHANNELS) {
                throw new BadInputException(file, where, channels + " channels (1 to " + MAX_CHANNELS + " supported)",
                        REPAIR);
            }
            if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
                throw new BadInputException(file, where, "sample rate " + sampleRate + " Hz (1 to " + MAX_SAMPLE_RATE
                        + " supported)", REPAIR);
            }
            boolean pcm = tag == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
            boolean ieee = tag == FORMAT_FLOAT && (bits == 32 || bits == 64);
            if ((tag == FORMAT_PCM || tag == FORMAT_FLOAT) && !pcm && !ieee) {
                throw new BadInputException(file, where, bits + "-bit " + (tag == FORMAT_PCM ? "PCM" : "float")
                        + " is not a sample format", REPAIR);
            }
            if ((pcm || ieee) && blockAlign != channels * bits / 8) {
                throw new BadInputException(file, where, "block align " + blockAlign + " does not match " + channels
                        + " channels of " + bits + " bits", REPAIR);
            }
            return new Format(tag, extensible, channels, sampleRate, bits, blockAlign);
        }

        WavHeader withData(Path file, String where, long offset, long length) throws BadInputException {
            boolean samples = formatTag == FORMAT_PCM || formatTag == FORMAT_FLOAT;
            if (samples && length % blockAlign != 0) {
                throw new BadInputException(file, where, "the data length " + length + " is not a whole number of "
                        + blockAlign + "-byte frames", REPAIR);
            }
            return new WavHeader(formatTag, extensible, channels, (int) sampleRate, bitsPerSample, blockAlign, offset,
                    length);
        }
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    private static String ascii(ByteBuffer buffer, int index) {
        byte[] bytes = new byte[4];
        buffer.get(index, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static long u32(ByteBuffer buffer, int index) {
        return buffer.getInt(index) & 0xFFFFFFFFL;
    }

    private static boolean isChunkId(String id) {
        return id.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private static String printable(String id) {
        StringBuilder hex = new StringBuilder("0x");
        for (char c : id.toCharArray()) {
            hex.append(String.format("%02X", (int) c));
        }
        return hex.toString();
    }
}
