package fermata.core.dsp;

/** Conversions between decibels and linear amplitude. */
public final class Decibels {
    private Decibels() {
    }

    /** Linear amplitude of a level in dB: 0 dB = 1.0, -6.02 dB = 0.5. */
    public static double toGain(double db) {
        return Math.pow(10.0, db / 20.0);
    }

    /** Level in dB of a linear amplitude; 0 gives negative infinity. */
    public static double fromGain(double gain) {
        return 20.0 * Math.log10(gain);
    }
}
