package fermata.core.edit;

import fermata.core.model.FadeCurve;
import fermata.core.model.Project;

/** Sets a clip's fade lengths (media frames) and shapes, as dragging its fade handles does. */
public record SetClipFades(String trackId, String clipId, long fadeInFrames, FadeCurve fadeInCurve,
                           long fadeOutFrames, FadeCurve fadeOutCurve) implements EditCommand {
    @Override
    public Project apply(Project project) {
        return AudioEdits.changeClip(project, trackId, clipId,
                c -> c.withFades(fadeInFrames, fadeInCurve, fadeOutFrames, fadeOutCurve));
    }

    @Override
    public String label() {
        return "Set fades";
    }
}
