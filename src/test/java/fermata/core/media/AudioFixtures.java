package fermata.core.media;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The committed fixtures of src/test/resources/audio and the sample values they hold: the integer
 * patterns of make-fixtures.sh, recomputed here, so every decoder can be checked to the bit.
 */
final class AudioFixtures {
    static final int RATE = 44100;
    static final int FRAMES = 2205;

    private AudioFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(AudioFixtures.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The expected planar samples of pattern {@code bits} (8, 16, 24 or 32) in {@code channels} channels. */
    static float[][] pattern(int bits, int channels) {
        float[][] samples = new float[channels][FRAMES];
        for (int c = 0; c < channels; c++) {
            for (int n = 0; n < FRAMES; n++) {
                samples[c][n] = switch (bits) {
                    case 8 -> (Math.floorMod(n * 31L + c * 7L, 256) - 128) / 128f;
                    case 16 -> (Math.floorMod(n * 7919L + c * 4099L, 65536) - 32768) / 32768f;
                    case 24 -> (Math.floorMod(n * 7919L + c * 1048573L, 16777216) - 8388608) / 8388608f;
                    case 32 -> (float) ((Math.floorMod(n * 2654435761L + c * 40503L, 4294967296L) - 2147483648L)
                            / 2147483648.0);
                    default -> throw new IllegalArgumentException("no pattern of " + bits + " bits");
                };
            }
        }
        return samples;
    }

    /** Decodes a whole stream in awkward block sizes (to cross frame boundaries of the codec). */
    static float[][] decodeAll(AudioStream stream, int capacity) throws Exception {
        int channels = stream.info().channels();
        float[][] all = new float[channels][capacity];
        int total = 0;
        int[] blocks = {1, 7, 1000, 4096, 333};
        for (int i = 0; ; i++) {
            int want = Math.min(blocks[i % blocks.length], capacity - total);
            int got = stream.read(all, total, want);
            if (got == 0) {
                break;
            }
            total += got;
            if (total == capacity) {
                float[] probe = new float[1];
                if (stream.read(new float[][] {probe, probe, probe, probe}, 0, 1) != 0) {
                    throw new AssertionError("stream longer than " + capacity + " frames");
                }
                break;
            }
        }
        float[][] exact = new float[channels][total];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(all[c], 0, exact[c], 0, total);
        }
        return exact;
    }
}
