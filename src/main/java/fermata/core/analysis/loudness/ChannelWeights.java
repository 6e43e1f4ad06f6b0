package fermata.core.analysis.loudness;

import java.util.Arrays;

/**
 * The channel weights G_i of ITU-R BS.1770-4: 1.0 for front channels, 1.41 (+1.5 dB) for the
 * surrounds, 0 for the LFE, which the standard leaves out of the measurement.
 */
public final class ChannelWeights {
    private static final double SURROUND = 1.41;

    private ChannelWeights() {
    }

    /**
     * Weights for a channel count in the usual order: 1 mono; 2 L R; 5 L R C Ls Rs; 6 L R C LFE Ls
     * Rs (the SMPTE / ITU-R BS.775 order WAV and FFmpeg use). Other counts weigh every channel 1.
     */
    public static double[] forChannelCount(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("need at least one channel, got " + channels);
        }
        return switch (channels) {
            case 5 -> new double[] {1, 1, 1, SURROUND, SURROUND};
            case 6 -> new double[] {1, 1, 1, 0, SURROUND, SURROUND};
            default -> {
                double[] ones = new double[channels];
                Arrays.fill(ones, 1);
                yield ones;
            }
        };
    }
}
