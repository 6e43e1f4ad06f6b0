package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/** Removes notes from a MIDI clip (erase, delete, cut). */
public record RemoveNotes(String trackId, String clipId, List<Note> notes) implements EditCommand {
    public RemoveNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Project apply(Project project) {
        return NoteEdits.changeClip(project, trackId, clipId, c -> c.withoutNotes(notes));
    }

    @Override
    public String label() {
        return "Delete " + NoteEdits.plural(notes.size(), "note");
    }
}
