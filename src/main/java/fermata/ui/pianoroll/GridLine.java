package fermata.ui.pianoroll;

/**
 * A vertical line of the piano roll's grid at {@code x} pixels into the note area.
 *
 * @param bar the 1-based bar number the line is in (shown on the ruler at bar lines)
 */
public record GridLine(double x, Kind kind, int bar) {
    public enum Kind { BAR, BEAT, GRID }
}
