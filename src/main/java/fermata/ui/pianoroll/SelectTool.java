package fermata.ui.pianoroll;

import fermata.core.model.Note;

/**
 * Click selects a note (Shift toggles it), a drag on a note moves the selection (Alt duplicates it),
 * a drag on a note's right edge resizes, and a drag on empty space draws a rubber band.
 */
public final class SelectTool implements PianoRollTool {
    private enum Drag { NONE, MOVE, RESIZE, BAND }

    private Drag drag = Drag.NONE;

    @Override
    public String name() {
        return "Select";
    }

    @Override
    public void press(PianoRollViewModel roll, Pointer p) {
        Note hit = roll.noteAt(p.x(), p.y());
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
        if (!roll.isSelected(hit)) {
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
            case MOVE, RESIZE -> roll.endGesture();
            case BAND -> roll.endBand();
            case NONE -> { }
        }
        drag = Drag.NONE;
    }
}
