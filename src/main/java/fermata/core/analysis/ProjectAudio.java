package fermata.core.analysis;

import fermata.core.engine.AudioSink;
import fermata.core.engine.EngineException;
import fermata.core.engine.RenderCancelledException;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.RenderService;
import fermata.core.error.BadInputException;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * What the analysis hears of a project: the master, one track or one clip, rendered offline through
 * the engine into memory, so MIDI tracks are synthesised and audio clips decoded exactly as on
 * export. A track or clip is rendered on its own, through its own channel strip and the master,
 * whatever its mute and solo buttons say.
 */
public final class ProjectAudio {
    /** Planar samples of a render. */
    public record Audio(float[][] samples, int sampleRate) {
        public double seconds() {
            return (double) samples[0].length / sampleRate;
        }
    }

    private ProjectAudio() {
    }

    /** The rate to render at: the project's, when the engine supports it; else 48 kHz. */
    public static RenderOptions options(Project project) {
        int rate = project.sampleRate();
        RenderOptions defaults = RenderOptions.defaults();
        return rate == 44_100 || rate == 48_000 || rate == 96_000 ? defaults.withSampleRate(rate) : defaults;
    }

    /** The whole mix as exported. */
    public static Audio master(Project project, RenderService renderer, RenderOptions options, Progress progress)
            throws EngineException, BadInputException, IOException, CancelledException {
        return render(project, renderer, options, progress);
    }

    /** One track alone, audible even when muted or when another track is soloed. */
    public static Audio track(Project project, String trackId, RenderService renderer, RenderOptions options,
                              Progress progress)
            throws EngineException, BadInputException, IOException, CancelledException {
        return render(soloTrack(project, trackId), renderer, options, progress);
    }

    /** One clip alone, from its start to its end on the timeline (no tail). */
    public static Audio clip(Project project, String trackId, String clipId, RenderService renderer,
                             RenderOptions options, Progress progress)
            throws EngineException, BadInputException, IOException, CancelledException {
        Project solo = soloTrack(project, trackId);
        Track track = solo.tracks().get(0);
        double from;
        double to;
        Track single;
        if (track instanceof MidiTrack m) {
            MidiClip c = m.clip(clipId);
            from = project.tempoMap().seconds(c.startTick());
            to = project.tempoMap().seconds(Math.max(c.endTick(), c.startTick() + lastNoteEnd(c)));
            single = m.withClips(List.of(c));
        } else {
            AudioTrack a = (AudioTrack) track;
            AudioClip c = a.clip(clipId);
            from = (double) c.positionFrame() / project.sampleRate();
            // the clip's length counts frames of its media, which may have another rate
            int mediaRate = project.mediaById(c.mediaId()).map(m -> m.sampleRate()).orElse(project.sampleRate());
            to = from + (double) c.lengthFrames() / mediaRate;
            single = a.withClips(List.of(c));
        }
        Audio all = render(solo.withTracks(List.of(single)), renderer, options.withTailSeconds(0), progress);
        int first = (int) Math.min(all.samples()[0].length, Math.round(from * all.sampleRate()));
        int last = (int) Math.min(all.samples()[0].length, Math.max(first + 1L, Math.round(to * all.sampleRate())));
        float[][] cut = new float[all.samples().length][];
        for (int ch = 0; ch < cut.length; ch++) {
            cut[ch] = Arrays.copyOfRange(all.samples()[ch], first, last);
        }
        return new Audio(cut, all.sampleRate());
    }

    private static long lastNoteEnd(MidiClip c) {
        long end = 0;
        for (var n : c.notes()) {
            end = Math.max(end, n.endTick());
        }
        return end;
    }

    /** The project with only {@code trackId}, unmuted and not soloed. */
    public static Project soloTrack(Project project, String trackId) {
        Track t = project.track(trackId);
        Track audible = t instanceof MidiTrack m
                ? m.withMixer(m.mixer().withMute(false).withSolo(false))
                : ((AudioTrack) t).withMixer(t.mixer().withMute(false).withSolo(false));
        return project.withTracks(List.of(audible));
    }

    private static Audio render(Project project, RenderService renderer, RenderOptions options, Progress progress)
            throws EngineException, BadInputException, IOException, CancelledException {
        MemorySink sink = new MemorySink();
        try {
            renderer.render(project, options, sink, progress::update, progress::isCancelled);
        } catch (RenderCancelledException e) {
            throw new CancelledException();
        }
        return new Audio(sink.samples(), sink.sampleRate);
    }

    /** Keeps a render in memory; the renderer says the exact length up front. */
    private static final class MemorySink implements AudioSink {
        private float[][] data = new float[2][0];
        private int sampleRate;
        private int written;

        @Override
        public void begin(int rate, int channels, long totalFrames) throws IOException {
            if (totalFrames > Integer.MAX_VALUE) {
                throw new IOException("a render of " + totalFrames + " frames is too long to analyse in memory");
            }
            sampleRate = rate;
            data = new float[channels][(int) totalFrames];
        }

        @Override
        public void write(float[][] planar, int frames) {
            int n = Math.min(frames, data[0].length - written);
            for (int c = 0; c < data.length; c++) {
                System.arraycopy(planar[c], 0, data[c], written, n);
            }
            written += n;
        }

        @Override
        public void close() {
        }

        float[][] samples() {
            float[][] out = new float[data.length][];
            for (int c = 0; c < data.length; c++) {
                out[c] = written == data[c].length ? data[c] : Arrays.copyOf(data[c], written);
            }
            return out;
        }
    }
}
