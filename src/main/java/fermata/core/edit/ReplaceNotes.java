package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/**
 * Replaces notes by edited copies, one for one (the note properties panel: a new pitch, start,
 * length or velocity typed in for the selection).
 */
public record ReplaceNotes(String trackId, String clipId, List<Note> notes, List<Note> replacements)
        implements EditCommand {
    public ReplaceNotes {
        notes = List.copyOf(notes);
        replacements = List.copyOf(replacements);
        if (notes.size() != replacements.size()) {
            throw new IllegalArgumentException("one replacement per note: " + notes.size() + " notes, "
                    + replacements.size() + " replacements");
        }
    }

    @Override
    public Project apply(Project project) {
        return NoteEdits.changeClip(project, trackId, clipId, c -> c.withoutNotes(notes).withAddedNotes(replacements));
    }

    @Override
    public String label() {
        return "Edit " + NoteEdits.plural(notes.size(), "note");
    }
}
