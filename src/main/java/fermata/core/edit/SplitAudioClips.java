package fermata.core.edit;

import fermata.core.model.Project;

/** Cuts every clip of an audio track that spans {@code frame} into two clips that play the same. */
public record SplitAudioClips(String trackId, long frame) implements EditCommand {
    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        var clips = r.split(r.track().clips(), frame);
        if (clips.size() == r.track().clips().size()) {
            return project;
        }
        return r.with(clips, r.track().markers());
    }

    @Override
    public String label() {
        return "Split clip";
    }
}
