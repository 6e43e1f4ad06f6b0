package fermata.core.model;

/**
 * A meter that holds from {@code tick} on, for example 6/8.
 *
 * @param denominator a power of two, 1..64
 */
public record TimeSignature(long tick, int numerator, int denominator) {
    public static final TimeSignature COMMON = new TimeSignature(0, 4, 4);

    public TimeSignature {
        Check.range("time signature tick", tick, 0, Ppq.MAX_TICK);
        Check.range("time signature numerator", numerator, 1, 255);
        if (denominator < 1 || denominator > 64 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException("time signature denominator must be a power of two 1..64, was " + denominator);
        }
    }

    /** Ticks in one bar of this meter. */
    public long ticksPerBar() {
        return (long) numerator * ticksPerBeat();
    }

    /** Ticks in one beat (one denominator unit). */
    public long ticksPerBeat() {
        return 4L * Ppq.TICKS_PER_QUARTER / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator + "@" + tick;
    }
}
