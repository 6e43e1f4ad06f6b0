package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.Project;

import java.util.function.UnaryOperator;

/** What the audio clip commands share. */
final class AudioEdits {
    private AudioEdits() {
    }

    static Project changeClip(Project project, String trackId, String clipId, UnaryOperator<AudioClip> change) {
        return project.withTrack(trackId, t -> project.audioTrack(trackId).withClip(clipId, change));
    }
}
