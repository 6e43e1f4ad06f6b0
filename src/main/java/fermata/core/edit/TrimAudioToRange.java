package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/** Keeps only {@code [from, to)} of an audio track, where it is; the audio before and after goes. */
public record TrimAudioToRange(String trackId, long from, long to) implements EditCommand {
    public TrimAudioToRange {
        AudioRanges.checkRange(from, to);
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        List<AudioClip> kept = new ArrayList<>();
        for (AudioClip c : r.splitAround(r.track().clips(), from, to)) {
            if (r.inside(c, from, to)) {
                kept.add(c);
            }
        }
        return r.with(kept, r.track().markers());
    }

    @Override
    public String label() {
        return "Trim to selection";
    }
}
