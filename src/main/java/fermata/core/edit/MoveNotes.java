package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/** Moves notes in time and pitch; a move that would leave 0..127 or start before the clip fails. */
public record MoveNotes(String trackId, String clipId, List<Note> notes, long deltaTicks, int deltaPitch)
        implements EditCommand {
    public MoveNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Project apply(Project project) {
        return NoteEdits.replaceNotes(project, trackId, clipId, notes,
                n -> new Note(n.pitch() + deltaPitch, n.startTick() + deltaTicks, n.lengthTicks(), n.velocity(),
                        n.channel()));
    }

    @Override
    public String label() {
        return "Move " + NoteEdits.plural(notes.size(), "note");
    }
}
