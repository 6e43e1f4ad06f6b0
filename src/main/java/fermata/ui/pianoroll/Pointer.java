package fermata.ui.pianoroll;

/**
 * A mouse position in the note area (pixels from its top-left corner) with the modifier keys held,
 * so that tools do not depend on the JavaFX toolkit and are tested without one.
 */
public record Pointer(double x, double y, boolean shift, boolean alt) {
    public static Pointer at(double x, double y) {
        return new Pointer(x, y, false, false);
    }
}
