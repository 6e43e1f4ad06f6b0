package fermata.ui.pianoroll;

/** Removes the notes the pointer presses or sweeps over; one sweep is one undo step. */
public final class EraseTool implements PianoRollTool {
    @Override
    public String name() {
        return "Erase";
    }

    @Override
    public void press(PianoRollViewModel roll, Pointer p) {
        roll.beginGesture("Erase notes");
        roll.eraseAt(p.x(), p.y());
    }

    @Override
    public void drag(PianoRollViewModel roll, Pointer p) {
        roll.eraseAt(p.x(), p.y());
    }

    @Override
    public void release(PianoRollViewModel roll, Pointer p) {
        roll.endGesture();
    }
}
