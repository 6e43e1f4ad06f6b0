package fermata.core.edit;

import fermata.core.model.Project;

/** Moves an audio clip on the timeline. */
public record MoveAudioClip(String trackId, String clipId, long newPositionFrame) implements EditCommand {
    @Override
    public Project apply(Project project) {
        return AudioEdits.changeClip(project, trackId, clipId, c -> c.withPosition(newPositionFrame));
    }

    @Override
    public String label() {
        return "Move audio clip";
    }
}
