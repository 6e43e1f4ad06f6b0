package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.FadeCurve;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/**
 * Fades the audio of {@code [from, to)} in (from silence at {@code from} to full level at
 * {@code to}) or out (from full level at {@code from} to silence at {@code to}). The clip there is
 * split at the range's start (fade in) or end (fade out) and given a fade of the range's length
 * with {@code curve}; the audio on the other side of the split is untouched.
 */
public record FadeAudioRange(String trackId, long from, long to, boolean fadeIn, FadeCurve curve)
        implements EditCommand {
    public FadeAudioRange {
        AudioRanges.checkRange(from, to);
        if (curve == null) {
            throw new IllegalArgumentException("a fade needs a curve");
        }
    }

    @Override
    public Project apply(Project project) {
        AudioRanges r = new AudioRanges(project, trackId);
        List<AudioClip> clips = r.split(r.track().clips(), fadeIn ? from : to);
        List<AudioClip> out = new ArrayList<>(clips.size());
        boolean found = false;
        for (AudioClip c : clips) {
            boolean target = fadeIn ? c.positionFrame() == from : r.end(c) == to;
            if (!target) {
                out.add(c);
                continue;
            }
            found = true;
            long frames = Math.min(r.toMedia(c, to - from), c.lengthFrames());
            out.add(fadeIn
                    ? c.withFades(frames, curve, Math.min(c.fadeOutFrames(), c.lengthFrames() - frames), c.fadeOutCurve())
                    : c.withFades(Math.min(c.fadeInFrames(), c.lengthFrames() - frames), c.fadeInCurve(), frames, curve));
        }
        if (!found) {
            throw new IllegalArgumentException("no audio " + (fadeIn ? "starts at " + from : "ends at " + to)
                    + " on track " + trackId + " to fade");
        }
        return r.with(out, r.track().markers());
    }

    @Override
    public String label() {
        return fadeIn ? "Fade in" : "Fade out";
    }
}
