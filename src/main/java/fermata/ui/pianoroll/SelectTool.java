package fermata.ui.pianoroll;

import fermata.core.model.Note;

/**
 * Click selects a note (Shift adds or removes it), a drag on a note moves the selection (Alt
 * duplicates it), a drag on a note's right edge resizes the selection, and a drag on empty space
 * draws a rubber band (Shift adds to the selection). A click without a drag on a note of a larger
 * selection selects that note alone.
 */
public final class SelectTool implements PianoRollTool {
    private enum Drag { NONE, MOVE, RESIZE, BAND }

    private Drag drag = Drag.NONE;
    private Note pressed;
    private boolean pressedWasSelected;

    @Override
    public String name() {
        return "Select";
    }

    @Override
    public void press(PianoRollViewModel roll, Pointer p) {
        Note hit = roll.noteAt(p.x(), p.y());
        pressed = hit;
        if (hit == null) {
            roll.beginBand(p.x(), p.y(), p.shift());
            drag = Drag.BAND;
            return;
        }
        if (p.shift()) {
            roll.toggleSelected(hit);
            drag = Drag.NONE;
            return;
        }
        pressedWasSelected = roll.isSelected(hit);
        if (!pressedWasSelected) {
            roll.selectOnly(hit);
        }
        if (roll.isOnRightEdge(hit, p.x())) {
            roll.beginResize(hit, p.x());
            drag = Drag.RESIZE;
        } else {
            roll.beginMove(p.x(), p.y(), p.alt());
            drag = Drag.MOVE;
        }
    }

    @Override
    public void drag(PianoRollViewModel roll, Pointer p) {
        switch (drag) {
            case MOVE -> roll.moveTo(p.x(), p.y());
            case RESIZE -> roll.resizeTo(p.x());
            case BAND -> roll.bandTo(p.x(), p.y());
            case NONE -> { }
        }
    }

    @Override
    public void release(PianoRollViewModel roll, Pointer p) {
        switch (drag) {
            case MOVE, RESIZE -> {
                boolean moved = roll.dragDeltaTicks() != 0 || roll.dragDeltaPitch() != 0 || roll.dragDeltaLength() != 0;
                roll.endDrag();
                if (!moved && pressedWasSelected && roll.selection().size() > 1) {
                    roll.selectOnly(pressed);
                }
            }
            case BAND -> roll.endBand();
            case NONE -> { }
        }
        drag = Drag.NONE;
        pressed = null;
    }
}
