package fermata.ui.pianoroll;

/**
 * A chord the analysis found, placed on the timeline for the chord strip and the chord-tone rows.
 *
 * @param label "C", "Am", "G7" ...
 * @param tones the chord's pitch classes as a 12-bit mask, bit 0 = C
 */
public record ChordMark(long startTick, long endTick, String label, int tones) {
    public boolean hasTone(int pitch) {
        return (tones & (1 << Math.floorMod(pitch, 12))) != 0;
    }
}
