package fermata.core.compose;

/**
 * The shape of a temporal convolution network (Bai, Kolter and Koltun 2018): {@code levels}
 * residual blocks of two dilated causal convolutions each, dilation 1, 2, 4, ... per block.
 *
 * @param channels hidden channels of every convolution
 * @param levels number of residual blocks
 * @param kernelSize taps of each convolution
 * @param dropout fraction of activations dropped after each convolution while training, 0..0.9
 * @param keyConditioned whether the key is fed to the network as a one-hot beside each step
 */
public record TcnArchitecture(int channels, int levels, int kernelSize, double dropout, boolean keyConditioned) {
    /** The TCN paper's polyphonic-music setting, small enough to train in minutes on two cores. */
    public static final TcnArchitecture DEFAULT = new TcnArchitecture(150, 2, 3, 0.5, false);

    public TcnArchitecture {
        if (channels < 1 || levels < 1 || levels > 12 || kernelSize < 1) {
            throw new IllegalArgumentException("channels, levels (1..12) and kernel size must be positive");
        }
        if (!(dropout >= 0 && dropout <= 0.9)) {
            throw new IllegalArgumentException("dropout must be in 0..0.9, was " + dropout);
        }
    }

    /** How many steps, the current one included, one output can see: 1 + 2 (k - 1)(2^levels - 1). */
    public int receptiveField() {
        return 1 + 2 * (kernelSize - 1) * ((1 << levels) - 1);
    }
}
