package fermata.core.edit;

import fermata.core.model.Project;

/** Makes {@code [from, to)} of an audio track silent; nothing moves. */
public record SilenceAudioRange(String trackId, long from, long to) implements EditCommand {
    public SilenceAudioRange {
        AudioRanges.checkRange(from, to);
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        return r.with(r.cleared(r.track().clips(), from, to), r.track().markers());
    }

    @Override
    public String label() {
        return "Silence audio";
    }
}
