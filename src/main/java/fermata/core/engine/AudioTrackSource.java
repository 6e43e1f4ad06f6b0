package fermata.core.engine;

import fermata.core.dsp.Decibels;
import fermata.core.error.BadInputException;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audio clips of one track, mixed to stereo by {@link PlacedClip#addTo}: mono media plays on
 * both sides; of media with more channels the first two play. Positions and lengths are converted
 * to engine frames when the graph is built, so the audio thread only adds.
 */
final class AudioTrackSource implements TrackSource {
    private final PlacedClip[] clips;
    private final float[][] scratch;

    AudioTrackSource(List<PlacedClip> clips, int maxBlockFrames) {
        this.clips = clips.toArray(new PlacedClip[0]);
        scratch = new float[maxChannels(clips)][maxBlockFrames];
    }

    static int maxChannels(List<PlacedClip> clips) {
        int channels = 1;
        for (PlacedClip c : clips) {
            channels = Math.max(channels, c.source().channels());
        }
        return channels;
    }

    /**
     * The clips of {@code track} placed at {@code rate}, their media opened through
     * {@code provider} and converted by {@code resampler} (once per media file).
     */
    static List<PlacedClip> place(AudioTrack track, Project project, int rate, ClipSourceProvider provider,
                                  SampleRateConverter resampler) throws EngineException, BadInputException {
        Map<String, ClipSource> opened = new HashMap<>();
        List<PlacedClip> placed = new ArrayList<>();
        for (AudioClip clip : track.clips()) {
            MediaRef media = project.mediaById(clip.mediaId()).orElseThrow(() -> new BadInputException(null,
                    "track " + track.name() + ", clip " + clip.id(), "the clip plays media " + clip.mediaId()
                    + " which the project does not list", "remove the clip or relink its media"));
            ClipSource source = opened.get(media.id());
            if (source == null) {
                try {
                    source = resampler.convert(provider.open(media), rate);
                } catch (IOException e) {
                    throw new BadInputException(null, "media " + media.id(), "cannot read " + media.path() + ": "
                            + e.getMessage(), "check that the file exists and is readable");
                }
                opened.put(media.id(), source);
            }
            double toEngine = (double) rate / media.sampleRate();
            placed.add(new PlacedClip(source,
                    Math.round(clip.positionFrame() * (double) rate / project.sampleRate()),
                    Math.round(clip.sourceOffsetFrame() * toEngine),
                    Math.max(1, Math.round(clip.lengthFrames() * toEngine)),
                    (float) Decibels.toGain(clip.gainDb()),
                    Math.round(clip.fadeInFrames() * toEngine), clip.fadeInCurve(),
                    Math.round(clip.fadeOutFrames() * toEngine), clip.fadeOutCurve(),
                    clip.reversed()));
        }
        return placed;
    }

    @Override
    public void render(long frame, float[][] out, int frames) {
        Arrays.fill(out[0], 0, frames, 0f);
        Arrays.fill(out[1], 0, frames, 0f);
        for (PlacedClip clip : clips) {
            clip.addTo(frame, out, 0, frames, scratch);
        }
    }

    @Override
    public void locate(long frame, boolean cutSound) {
        // Clips are read by absolute position: there is no state to move.
    }

    @Override
    public long endFrame() {
        long end = 0;
        for (PlacedClip c : clips) {
            end = Math.max(end, c.endFrame());
        }
        return end;
    }

    @Override
    public void close() {
        // The clip sources belong to the media package's cache.
    }
}
