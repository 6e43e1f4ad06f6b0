package fermata.core.edit;

import fermata.core.model.Project;

import java.util.List;

/** Several commands applied in order as one undo step: a drag, a paste, "apply automix". */
public record CompoundEdit(String label, List<EditCommand> commands) implements EditCommand {
    public CompoundEdit {
        commands = List.copyOf(commands);
    }

    @Override
    public Project apply(Project project) {
        Project p = project;
        for (EditCommand c : commands) {
            p = c.apply(p);
        }
        return p;
    }
}
