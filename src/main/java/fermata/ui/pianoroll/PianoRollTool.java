package fermata.ui.pianoroll;

/** What a mouse press, drag and release do in the note area: one strategy per tool (draw, select, erase). */
public interface PianoRollTool {
    String name();

    void press(PianoRollViewModel roll, Pointer p);

    void drag(PianoRollViewModel roll, Pointer p);

    void release(PianoRollViewModel roll, Pointer p);
}
