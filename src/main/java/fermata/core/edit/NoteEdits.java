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
        return changeClip(project, trackId, clipId, clip -> {
            List<Note> changed = new ArrayList<>(targets.size());
            for (Note n : targets) {
                changed.add(change.apply(n));
            }
            return clip.withoutNotes(targets).withAddedNotes(changed);
        });
    }

    static String plural(int n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
