package fermata.core.model;

/** The musical clock: every tick position in the model is in 960 pulses per quarter note. */
public final class Ppq {
    /** Ticks per quarter note. 960 divides by 2, 3, 4, 5, 6, 8, 16, 32, 64 so triplets stay exact. */
    public static final int TICKS_PER_QUARTER = 960;

    /**
     * The latest tick the model accepts (2^50, over a million hours at any sane tempo), so that a
     * start plus a length can never overflow a long.
     */
    public static final long MAX_TICK = 1L << 50;

    private Ppq() {
    }

    /** Rescales a tick from another resolution (a MIDI file's division) with rounding. */
    public static long fromResolution(long tick, int resolution) {
        if (resolution == TICKS_PER_QUARTER) {
            return tick;
        }
        return Math.round((double) tick * TICKS_PER_QUARTER / resolution);
    }

    /** Rescales a model tick to another resolution with rounding. */
    public static long toResolution(long tick, int resolution) {
        if (resolution == TICKS_PER_QUARTER) {
            return tick;
        }
        return Math.round((double) tick * resolution / TICKS_PER_QUARTER);
    }
}
