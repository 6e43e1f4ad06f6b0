package fermata.core.media;

/**
 * Integer PCM to float, one definition for both readers (FFmpeg and the mapped WAV), so they
 * agree to the bit: a b-bit sample s becomes s / 2^(b-1). Up to 24 bits the result is exact in
 * a float; 32-bit samples are divided in double and rounded once.
 */
final class PcmScale {
    static final float U8 = 1f / 128;
    static final float S16 = 1f / 32768;
    static final float S24 = 1f / 8388608;
    private static final double S32 = 1.0 / 2147483648.0;
    private static final double S64 = 1.0 / 9223372036854775808.0;

    private PcmScale() {
    }

    static float u8(int unsignedByte) {
        return (unsignedByte - 128) * U8;
    }

    static float s32(int sample) {
        return (float) (sample * S32);
    }

    static float s64(long sample) {
        return (float) (sample * S64);
    }
}
