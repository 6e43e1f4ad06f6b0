package fermata.core.edit;

import fermata.core.model.Project;
import fermata.core.model.TimeSignature;

import java.util.ArrayList;
import java.util.List;

/** Removes the meter change at a tick (the first can only be replaced). */
public record RemoveTimeSignature(long tick) implements EditCommand {
    @Override
    public Project apply(Project project) {
        if (tick == 0) {
            throw new IllegalArgumentException("the time signature at the start cannot be removed, only changed");
        }
        List<TimeSignature> list = new ArrayList<>(project.timeSignatures());
        if (!list.removeIf(t -> t.tick() == tick)) {
            throw new IllegalArgumentException("no time signature change at tick " + tick);
        }
        return project.withTimeSignatures(list);
    }

    @Override
    public String label() {
        return "Remove time signature";
    }
}
