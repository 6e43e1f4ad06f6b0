package fermata.core.mix;

import fermata.core.engine.AudioSink;
import fermata.core.engine.ClipSourceProvider;
import fermata.core.engine.EngineException;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderCancelledException;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.SampleRateConverter;
import fermata.core.error.BadInputException;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's tracks as dry stems for automix: each track rendered alone through the engine (MIDI
 * tracks through their synthesizer, audio tracks from their clips) with its fader, pan and
 * inserts reset, so automix hears the source and not the mix it is about to replace.
 */
public final class ProjectStems {
    private ProjectStems() {
    }

    public static List<Stem> render(Project project, ClipSourceProvider clips, SampleRateConverter resampler,
                                    Progress progress)
            throws EngineException, BadInputException, IOException, CancelledException {
        int rate = project.sampleRate() == 44_100 || project.sampleRate() == 96_000 ? project.sampleRate() : 48_000;
        RenderOptions options = RenderOptions.defaults().withSampleRate(rate).withTailSeconds(0)
                .withCeilingDbtp(RenderOptions.LIMITER_OFF);
        List<Stem> stems = new ArrayList<>();
        List<Track> tracks = project.tracks();
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            progress.checkCancelled();
            progress.update((double) i / tracks.size(), "rendering " + track.name());
            Project alone = project.withTracks(List.of(track.withMixer(MixerSettings.UNITY))).withMaster(MixerSettings.UNITY);
            Memory sink = new Memory();
            try {
                new OfflineRenderer(clips, resampler).render(alone, options, sink, (f, m) -> { }, progress::isCancelled);
            } catch (RenderCancelledException e) {
                throw new CancelledException();
            }
            if (sink.frames > 0) {
                stems.add(new Stem(track.id(), track.name(), new float[][] {
                        java.util.Arrays.copyOf(sink.left, sink.frames), java.util.Arrays.copyOf(sink.right, sink.frames)}, rate));
            }
        }
        progress.update(1, "rendered");
        return stems;
    }

    /** Keeps a render in memory. */
    private static final class Memory implements AudioSink {
        float[] left = new float[0];
        float[] right = new float[0];
        int frames;

        @Override
        public void begin(int sampleRate, int channels, long totalFrames) {
            if (totalFrames > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a track of " + totalFrames + " frames is too long to mix in memory");
            }
            left = new float[(int) totalFrames];
            right = new float[(int) totalFrames];
        }

        @Override
        public void write(float[][] planar, int count) {
            System.arraycopy(planar[0], 0, left, frames, count);
            System.arraycopy(planar[1], 0, right, frames, count);
            frames += count;
        }

        @Override
        public void close() {
            // Nothing to release: the samples stay in memory for the caller.
        }
    }
}
