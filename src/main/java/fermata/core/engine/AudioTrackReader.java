package fermata.core.engine;

import fermata.core.error.BadInputException;
import fermata.core.model.AudioTrack;
import fermata.core.model.Project;

import java.util.Arrays;
import java.util.List;

/**
 * Reads what an audio track plays, edits applied, at the project's sample rate and in the media's
 * channels (not mixed to stereo, no fader): the waveform editor's samples at high zoom, the
 * spectrogram's input, normalize's measurement and the selection export. Clips sound exactly as
 * in the engine because both go through {@link PlacedClip#addTo}. Not thread-safe.
 */
public final class AudioTrackReader {
    private static final int BLOCK = 4096;

    private final PlacedClip[] clips;
    private final int channels;
    private final int sampleRate;
    private final float[][] scratch;

    private AudioTrackReader(List<PlacedClip> clips, int sampleRate) {
        this.clips = clips.toArray(new PlacedClip[0]);
        this.channels = AudioTrackSource.maxChannels(clips);
        this.sampleRate = sampleRate;
        this.scratch = new float[channels][BLOCK];
    }

    /** A reader of track {@code trackId} of {@code project}, opening media through {@code provider}. */
    public static AudioTrackReader open(Project project, String trackId, ClipSourceProvider provider,
                                        SampleRateConverter resampler) throws EngineException, BadInputException {
        AudioTrack track = project.audioTrack(trackId);
        return new AudioTrackReader(AudioTrackSource.place(track, project, project.sampleRate(), provider, resampler),
                project.sampleRate());
    }

    /** The most channels of any clip's media; 1 for an empty track. */
    public int channels() {
        return channels;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The frame after the last clip. */
    public long endFrame() {
        long end = 0;
        for (PlacedClip c : clips) {
            end = Math.max(end, c.endFrame());
        }
        return end;
    }

    /**
     * Writes timeline frames {@code [frame, frame + count)} into {@code dest[c][offset ..]} for each
     * of {@code dest}'s channels (silence where no clip plays).
     */
    public void read(long frame, float[][] dest, int offset, int count) {
        for (float[] channel : dest) {
            Arrays.fill(channel, offset, offset + count, 0f);
        }
        for (int done = 0; done < count; done += BLOCK) {
            int n = Math.min(BLOCK, count - done);
            for (PlacedClip clip : clips) {
                clip.addTo(frame + done, dest, offset + done, n, scratch);
            }
        }
    }

    /** Frames {@code [from, to)} of every channel, in new arrays. */
    public float[][] read(long from, long to) {
        int n = Math.toIntExact(to - from);
        float[][] out = new float[channels][n];
        read(from, out, 0, n);
        return out;
    }
}
