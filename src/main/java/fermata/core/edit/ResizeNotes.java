package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/** Lengthens or shortens notes by a number of ticks; no note gets shorter than one tick. */
public record ResizeNotes(String trackId, String clipId, List<Note> notes, long deltaTicks) implements EditCommand {
    public ResizeNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Project apply(Project project) {
        return NoteEdits.replaceNotes(project, trackId, clipId, notes,
                n -> n.withLength(Math.max(1, n.lengthTicks() + deltaTicks)));
    }

    @Override
    public String label() {
        return "Resize " + NoteEdits.plural(notes.size(), "note");
    }
}
