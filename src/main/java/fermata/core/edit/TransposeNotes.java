package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/** Transposes notes by semitones (12 for an octave); fails if any note would leave 0..127. */
public record TransposeNotes(String trackId, String clipId, List<Note> notes, int semitones) implements EditCommand {
    public TransposeNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Project apply(Project project) {
        for (Note n : notes) {
            int p = n.pitch() + semitones;
            if (p < 0 || p > 127) {
                throw new IllegalArgumentException("transposing pitch " + n.pitch() + " by " + semitones
                        + " leaves the MIDI range 0..127");
            }
        }
        return NoteEdits.replaceNotes(project, trackId, clipId, notes, n -> n.withPitch(n.pitch() + semitones));
    }

    @Override
    public String label() {
        return "Transpose " + (semitones > 0 ? "+" : "") + semitones;
    }
}
