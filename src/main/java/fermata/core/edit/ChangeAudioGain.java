package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes the gain of the audio in {@code [from, to)} by {@code deltaDb}: clips are split at the
 * range's ends and the pieces inside get the change added to their clip gain. Normalize is this
 * edit with the change the measurement asked for ({@code fermata.core.engine.AudioNormalizer}).
 */
public record ChangeAudioGain(String trackId, long from, long to, double deltaDb, String label)
        implements EditCommand {
    public ChangeAudioGain {
        AudioRanges.checkRange(from, to);
        if (!Double.isFinite(deltaDb)) {
            throw new IllegalArgumentException("gain change must be finite, was " + deltaDb);
        }
        label = label == null || label.isBlank() ? "Change gain" : label;
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        List<AudioClip> out = new ArrayList<>();
        for (AudioClip c : r.splitAround(r.track().clips(), from, to)) {
            out.add(r.inside(c, from, to) ? c.withGainDb(c.gainDb() + deltaDb) : c);
        }
        return r.with(out, r.track().markers());
    }
}
