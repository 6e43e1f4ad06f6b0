package fermata.core.edit;

import fermata.core.model.Project;

/** Removes the tempo change at a tick (the first tempo can only be replaced). */
public record RemoveTempo(long tick) implements EditCommand {
    @Override
    public Project apply(Project project) {
        if (tick == 0) {
            throw new IllegalArgumentException("the tempo at the start cannot be removed, only changed");
        }
        return project.withTempoMap(project.tempoMap().without(tick));
    }

    @Override
    public String label() {
        return "Remove tempo change";
    }
}
