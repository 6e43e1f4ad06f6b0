package fermata.core.model;

/**
 * The shape of a clip's fade. {@link #gain} is the fade-in's gain at a fraction of its length;
 * a fade-out uses the same shape measured back from the clip's end, so a fade-out and a fade-in
 * of the same shape laid over each other form a crossfade: linear ones sum to 1 exactly,
 * equal-power ones keep the summed power of uncorrelated signals at 1.
 */
public enum FadeCurve {
    LINEAR,
    /** sin(x pi/2): constant power in a crossfade of unrelated material. */
    EQUAL_POWER,
    /** Slow start, fast end: a straight line in dB over 60 dB, pinned to 0 at the start. */
    EXPONENTIAL,
    /** Fast start, slow end: the exponential curve mirrored. */
    LOGARITHMIC,
    /** Raised cosine: gentle at both ends. */
    S_CURVE;

    private static final double K = Math.log(1000);
    private static final double EXP_SPAN = Math.exp(K) - 1;

    /** Gain at {@code x} in [0, 1]: exactly 0 at 0 and exactly 1 at 1, rising monotonically between. */
    public double gain(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return switch (this) {
            case LINEAR -> x;
            case EQUAL_POWER -> Math.sin(x * Math.PI / 2);
            case EXPONENTIAL -> (Math.exp(K * x) - 1) / EXP_SPAN;
            case LOGARITHMIC -> 1 - (Math.exp(K * (1 - x)) - 1) / EXP_SPAN;
            case S_CURVE -> 0.5 - 0.5 * Math.cos(Math.PI * x);
        };
    }

    /** The name used in project files: lower case with dashes ("equal-power"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static FadeCurve ofKey(String key) {
        for (FadeCurve c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown fade curve \"" + key + "\" (expected linear, equal-power,"
                + " exponential, logarithmic or s-curve)");
    }
}
