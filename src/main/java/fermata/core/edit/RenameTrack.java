package fermata.core.edit;

import fermata.core.model.Project;

/** Renames a track. */
public record RenameTrack(String trackId, String name) implements EditCommand {
    @Override
    public Project apply(Project project) {
        return project.withTrack(trackId, t -> t.withName(name));
    }

    @Override
    public String label() {
        return "Rename track";
    }
}
