package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/** Places an audio clip on a track, registering its media with the project if it is new. */
public record AddAudioClip(String trackId, AudioClip clip, MediaRef media) implements EditCommand {
    @Override
    public Project apply(Project project) {
        if (!clip.mediaId().equals(media.id())) {
            throw new IllegalArgumentException("clip " + clip.id() + " plays media " + clip.mediaId()
                    + ", not " + media.id());
        }
        if (clip.sourceOffsetFrame() + clip.lengthFrames() > media.frames()) {
            throw new IllegalArgumentException("clip " + clip.id() + " reaches past the end of " + media.path());
        }
        AudioTrack track = project.audioTrack(trackId);
        List<AudioClip> clips = new ArrayList<>(track.clips());
        clips.add(clip);
        Project withClip = project.withTrack(trackId, t -> track.withClips(clips));
        if (project.mediaById(media.id()).isPresent()) {
            return withClip;
        }
        List<MediaRef> media2 = new ArrayList<>(project.media());
        media2.add(media);
        return withClip.withMedia(media2);
    }

    @Override
    public String label() {
        return "Add audio clip";
    }
}
