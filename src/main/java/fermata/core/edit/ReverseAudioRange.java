package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays {@code [from, to)} of an audio track backwards: clips are split at the ends, and each piece
 * inside is reversed and mirrored within the range, so the range's last sample comes first.
 */
public record ReverseAudioRange(String trackId, long from, long to) implements EditCommand {
    public ReverseAudioRange {
        AudioRanges.checkRange(from, to);
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        List<AudioClip> out = new ArrayList<>();
        for (AudioClip c : r.splitAround(r.track().clips(), from, to)) {
            out.add(r.inside(c, from, to) ? c.reverse().withPosition(from + to - r.end(c)) : c);
        }
        return r.with(out, r.track().markers());
    }

    @Override
    public String label() {
        return "Reverse";
    }
}
