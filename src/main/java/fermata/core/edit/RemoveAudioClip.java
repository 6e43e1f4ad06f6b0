package fermata.core.edit;

import fermata.core.model.AudioTrack;
import fermata.core.model.Project;

/** Removes an audio clip from its track; the media file is untouched. */
public record RemoveAudioClip(String trackId, String clipId) implements EditCommand {
    @Override
    public Project apply(Project project) {
        AudioTrack track = project.audioTrack(trackId);
        track.clip(clipId);
        return project.withTrack(trackId,
                t -> track.withClips(track.clips().stream().filter(c -> !c.id().equals(clipId)).toList()));
    }

    @Override
    public String label() {
        return "Delete audio clip";
    }
}
