package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/** Adds notes to a MIDI clip (draw, paste, duplicate, AI results). */
public record AddNotes(String trackId, String clipId, List<Note> notes) implements EditCommand {
    public AddNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Project apply(Project project) {
        return NoteEdits.changeClip(project, trackId, clipId, c -> c.withAddedNotes(notes));
    }

    @Override
    public String label() {
        return "Add " + NoteEdits.plural(notes.size(), "note");
    }
}
