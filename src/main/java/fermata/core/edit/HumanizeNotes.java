package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Loosens notes the way a player would: each start moves by up to {@code timingTicks} either way
 * (never before the clip) and each velocity by up to {@code velocityRange} (kept in 1..127). The
 * offsets come from {@link Random} seeded with {@code seed} and are drawn in {@link Note#ORDER},
 * so the same seed on the same notes gives the same result on every run and machine, and redo
 * repeats exactly what was done.
 */
public record HumanizeNotes(String trackId, String clipId, List<Note> notes, long timingTicks, int velocityRange,
                            long seed) implements EditCommand {
    public HumanizeNotes {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Note.ORDER);
        notes = List.copyOf(sorted);
        if (timingTicks < 0 || velocityRange < 0 || velocityRange > 126) {
            throw new IllegalArgumentException("humanize needs timing >= 0 and velocity range 0..126, were "
                    + timingTicks + ", " + velocityRange);
        }
    }

    /** What each of {@link #notes()} becomes, in the same order. */
    public List<Note> result() {
        Random random = new Random(seed);
        return NoteEdits.eachChanged(notes, n -> {
            long shift = timingTicks == 0 ? 0 : random.nextLong() % (timingTicks + 1);
            int velocityShift = velocityRange == 0 ? 0 : random.nextInt(2 * velocityRange + 1) - velocityRange;
            return new Note(n.pitch(), Math.max(0, n.startTick() + shift), n.lengthTicks(),
                    Math.max(1, Math.min(127, n.velocity() + velocityShift)), n.channel());
        });
    }

    @Override
    public Project apply(Project project) {
        return new ReplaceNotes(trackId, clipId, notes, result()).apply(project);
    }

    @Override
    public String label() {
        return "Humanize";
    }
}
