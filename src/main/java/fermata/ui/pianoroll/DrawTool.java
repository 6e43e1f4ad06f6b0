package fermata.ui.pianoroll;

/**
 * A press on empty space adds a note of the last used length at the snapped position, and dragging
 * stretches it in the same undo step; on an existing note it moves or resizes like the select tool.
 */
public final class DrawTool implements PianoRollTool {
    private final SelectTool onNotes = new SelectTool();
    private boolean drawing;

    @Override
    public String name() {
        return "Draw";
    }

    @Override
    public void press(PianoRollViewModel roll, Pointer p) {
        drawing = roll.noteAt(p.x(), p.y()) == null;
        if (drawing) {
            roll.beginDraw(p.x(), p.y());
        } else {
            onNotes.press(roll, p);
        }
    }

    @Override
    public void drag(PianoRollViewModel roll, Pointer p) {
        if (drawing) {
            roll.resizeTo(p.x());
        } else {
            onNotes.drag(roll, p);
        }
    }

    @Override
    public void release(PianoRollViewModel roll, Pointer p) {
        if (drawing) {
            roll.endDrag();
            drawing = false;
        } else {
            onNotes.release(roll, p);
        }
    }
}
