package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/**
 * Lengthens or shortens each note to end where the next later note of the same set starts, so the
 * line plays without gaps or overlaps. Notes that start together (a chord) all reach the next onset;
 * the notes of the last onset keep their length.
 */
public record LegatoNotes(String trackId, String clipId, List<Note> notes) implements EditCommand {
    public LegatoNotes {
        notes = List.copyOf(notes);
    }

    /** What each of {@link #notes()} becomes, in the same order. */
    public List<Note> result() {
        long[] starts = notes.stream().mapToLong(Note::startTick).sorted().distinct().toArray();
        return NoteEdits.eachChanged(notes, n -> {
            int i = java.util.Arrays.binarySearch(starts, n.startTick());
            return i + 1 < starts.length ? n.withLength(starts[i + 1] - n.startTick()) : n;
        });
    }

    @Override
    public Project apply(Project project) {
        return new ReplaceNotes(trackId, clipId, notes, result()).apply(project);
    }

    @Override
    public String label() {
        return "Legato";
    }
}
