package fermata.core.compose;

import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;

import java.util.List;

/**
 * Generated music: a roll (one track per voice) in the requested key, tempo and meter.
 *
 * @param key the requested key, or the one estimated from the result when none was requested
 * @param startTick where the new music starts: 0, or the primer's end for a continuation
 */
public record Generated(PianoRoll roll, MusicalKey key, double tempoBpm, TimeSignature meter, long startTick) {

    /** The notes of one track on the primer's timeline (from {@link #startTick}), ready to add to its clip. */
    public List<Note> notes(int track, int velocity, int channel) {
        return roll.toNotes(track, startTick, velocity, channel);
    }

    /** A new project with one piano track per voice, its clips starting at {@link #startTick}. */
    public Project toProject(String name) {
        return ProjectRolls.toProject(name, roll, startTick, key, tempoBpm, meter);
    }
}
