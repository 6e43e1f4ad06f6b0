package fermata.core.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-built WAV files for tests, so every header field can be set to a wrong value. */
final class WavBytes {
    private WavBytes() {
    }

    /** A WAV with the given fmt fields, {@code declaredData} in the data header and {@code actualData} bytes of samples. */
    static byte[] build(int formatTag, int channels, long sampleRate, int bits, int blockAlign, long declaredData,
                        int actualData) {
        ByteBuffer b = ByteBuffer.allocate(44 + actualData).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + actualData).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) formatTag).putShort((short) channels)
                .putInt((int) sampleRate).putInt((int) (sampleRate * blockAlign)).putShort((short) blockAlign)
                .putShort((short) bits);
        b.put(ascii("data")).putInt((int) declaredData);
        for (int i = 0; i < actualData; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    /** A valid 16-bit stereo WAV of {@code frames} frames. */
    static byte[] pcm16(int frames) {
        return build(1, 2, 44100, 16, 4, frames * 4L, frames * 4);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
