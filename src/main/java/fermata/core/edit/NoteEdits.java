package fermata.core.edit;

import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** What the note commands share: find the clip, replace some notes by changed copies. */
final class NoteEdits {
    private NoteEdits() {
    }

    static Project changeClip(Project project, String trackId, String clipId, UnaryOperator<MidiClip> change) {
        return project.withTrack(trackId, t -> {
            if (!(t instanceof MidiTrack midi)) {
                throw new IllegalArgumentException("track " + trackId + " is not a MIDI track");
            }
            return midi.withClip(clipId, change);
        });
    }

    /** Replaces each of {@code targets} (which must be in the clip) by {@code change} applied to it. */
    static Project replaceNotes(Project project, String trackId, String clipId, List<Note> targets,
                                UnaryOperator<Note> change) {
        List<Note> changed = eachChanged(targets, change);
        return changeClip(project, trackId, clipId, clip -> clip.withoutNotes(targets).withAddedNotes(changed));
    }

    /** {@code change} applied to each of {@code notes}, in order (so a change that draws random numbers stays repeatable). */
    static List<Note> eachChanged(List<Note> notes, UnaryOperator<Note> change) {
        List<Note> changed = new ArrayList<>(notes.size());
        for (Note n : notes) {
            changed.add(change.apply(n));
        }
        return changed;
    }

    static String plural(int n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
