package fermata.core.edit;

import fermata.core.model.Note;
import fermata.core.model.Project;

import java.util.List;

/**
 * Moves note starts towards a grid.
 *
 * @param gridTicks grid spacing, for example 240 for sixteenths
 * @param strength 0 (no change) .. 1 (exactly on the grid)
 * @param swing 0 (straight) .. 1 (every second grid point delayed by a third of the grid, which
 *     puts an off-beat eighth on the triplet: the convention of most DAWs' swing knobs)
 */
public record QuantizeNotes(String trackId, String clipId, List<Note> notes, long gridTicks, double strength,
                            double swing) implements EditCommand {
    public QuantizeNotes {
        notes = List.copyOf(notes);
        if (gridTicks < 1) {
            throw new IllegalArgumentException("quantize grid must be at least 1 tick, was " + gridTicks);
        }
        if (!(strength >= 0 && strength <= 1) || !(swing >= 0 && swing <= 1)) {
            throw new IllegalArgumentException("strength and swing must be in 0..1, were " + strength + ", " + swing);
        }
    }

    /** The grid point a tick is drawn to, swing applied. */
    public long target(long tick) {
        long index = Math.round((double) tick / gridTicks);
        long point = index * gridTicks;
        if ((index & 1) == 1) {
            point += Math.round(swing * gridTicks / 3.0);
        }
        return point;
    }

    @Override
    public Project apply(Project project) {
        return NoteEdits.replaceNotes(project, trackId, clipId, notes, n -> {
            long moved = n.startTick() + Math.round(strength * (target(n.startTick()) - n.startTick()));
            return n.withStart(Math.max(0, moved));
        });
    }

    @Override
    public String label() {
        return "Quantize";
    }
}
