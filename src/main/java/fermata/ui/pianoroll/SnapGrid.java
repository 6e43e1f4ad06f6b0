package fermata.ui.pianoroll;

import fermata.core.model.Ppq;

/**
 * The grid that note positions and lengths snap to: a note value 1/1 .. 1/64, straight or triplet, or off.
 *
 * @param division 1, 2, 4 .. 64 for whole .. sixty-fourth notes; 0 when snapping is off
 * @param triplet three in the time of two
 */
public record SnapGrid(int division, boolean triplet) {
    public static final SnapGrid OFF = new SnapGrid(0, false);
    public static final SnapGrid SIXTEENTH = new SnapGrid(16, false);

    public SnapGrid {
        if (division != 0 && (division > 64 || Integer.bitCount(division) != 1)) {
            throw new IllegalArgumentException("snap division must be 1, 2, 4 .. 64 or 0 for off, was " + division);
        }
    }

    public boolean isOff() {
        return division == 0;
    }

    /** Grid spacing in ticks; 1 when off, so that snapping leaves ticks as they are. */
    public long ticks() {
        if (isOff()) {
            return 1;
        }
        long straight = 4L * Ppq.TICKS_PER_QUARTER / division;
        return triplet ? straight * 2 / 3 : straight;
    }

    /** The grid point at or before {@code tick}. */
    public long floor(long tick) {
        return Math.floorDiv(tick, ticks()) * ticks();
    }

    /** The nearest grid point. */
    public long round(long tick) {
        return Math.round((double) tick / ticks()) * ticks();
    }

    @Override
    public String toString() {
        return isOff() ? "off" : "1/" + division + (triplet ? "T" : "");
    }
}
