package fermata.ui.pianoroll;

import fermata.core.model.Note;

import java.util.Collection;

/**
 * What the note properties panel shows for the selection: each value shared by every selected note,
 * or null where they differ. {@code start} is the earliest start, absolute ticks.
 */
public record NoteSummary(int count, Integer pitch, Long start, Long length, Integer velocity) {
    public static final NoteSummary NONE = new NoteSummary(0, null, null, null, null);

    static NoteSummary of(Collection<Note> notes, long clipStart) {
        if (notes.isEmpty()) {
            return NONE;
        }
        Note first = notes.iterator().next();
        boolean samePitch = true;
        boolean sameLength = true;
        boolean sameVelocity = true;
        long earliest = Long.MAX_VALUE;
        for (Note n : notes) {
            samePitch &= n.pitch() == first.pitch();
            sameLength &= n.lengthTicks() == first.lengthTicks();
            sameVelocity &= n.velocity() == first.velocity();
            earliest = Math.min(earliest, n.startTick());
        }
        return new NoteSummary(notes.size(), samePitch ? first.pitch() : null, clipStart + earliest,
                sameLength ? first.lengthTicks() : null, sameVelocity ? first.velocity() : null);
    }
}
