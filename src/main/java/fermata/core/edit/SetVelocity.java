package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/** Sets the velocity of notes, each to its own value (velocity lane drawing) or all to one. */
public record SetVelocity(String trackId, String clipId, List<Note> notes, List<Integer> velocities)
        implements EditCommand {
    public SetVelocity {
        notes = List.copyOf(notes);
        velocities = List.copyOf(velocities);
        if (velocities.size() != notes.size()) {
            throw new IllegalArgumentException("one velocity per note: " + notes.size() + " notes, "
                    + velocities.size() + " velocities");
        }
    }

    public static SetVelocity all(String trackId, String clipId, List<Note> notes, int velocity) {
        return new SetVelocity(trackId, clipId, notes, java.util.Collections.nCopies(notes.size(), velocity));
    }

    @Override
    public Project apply(Project project) {
        return NoteEdits.changeClip(project, trackId, clipId, clip -> {
            java.util.List<Note> changed = new java.util.ArrayList<>(notes.size());
            for (int i = 0; i < notes.size(); i++) {
                changed.add(notes.get(i).withVelocity(velocities.get(i)));
            }
            return clip.withoutNotes(notes).withAddedNotes(changed);
        });
    }

    @Override
    public String label() {
        return "Set velocity";
    }
}
