package fermata.core.edit;

import fermata.core.model.Project;
import fermata.core.model.Tempo;

/** Sets the tempo from a tick on, replacing a change at the same tick. */
public record SetTempo(Tempo tempo) implements EditCommand {
    @Override
    public Project apply(Project project) {
        return project.withTempoMap(project.tempoMap().with(tempo));
    }

    @Override
    public String label() {
        return "Set tempo";
    }
}
