package fermata.core.edit;

import fermata.core.model.Project;
import fermata.core.model.TimeSignature;

import java.util.ArrayList;
import java.util.List;

/** Sets the meter from a tick on, replacing a change at the same tick. */
public record SetTimeSignature(TimeSignature signature) implements EditCommand {
    @Override
    public Project apply(Project project) {
        List<TimeSignature> list = new ArrayList<>(project.timeSignatures());
        list.removeIf(t -> t.tick() == signature.tick());
        list.add(signature);
        return project.withTimeSignatures(list);
    }

    @Override
    public String label() {
        return "Set time signature";
    }
}
