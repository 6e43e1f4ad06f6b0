package fermata.core.compose;

import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;

import java.util.List;

/**
 * Generated music: a roll (one track per voice) in the requested key, tempo and meter.
 *
 * @param key the requested key, or the one estimated from the result when none was requested
 */
public record Generated(PianoRoll roll, MusicalKey key, double tempoBpm, TimeSignature meter) {

    /** The notes of one track, ticks from {@code originTick} (the primer's end, to append a continuation). */
    public List<Note> notes(int track, long originTick, int velocity, int channel) {
        return roll.toNotes(track, originTick, velocity, channel);
    }

    /** A new project with one piano track per voice. */
    public Project toProject(String name) {
        return ProjectRolls.toProject(name, roll, key, tempoBpm, meter);
    }
}
