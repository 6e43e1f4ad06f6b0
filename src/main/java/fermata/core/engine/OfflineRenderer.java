package fermata.core.engine;

import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link MixGraph} block by block as fast as the CPU allows. The master look-ahead delays
 * the output by a few frames; the renderer runs that much longer and drops as much at the start,
 * so the file lines up with the timeline to the sample. The result is deterministic: the same
 * project and options give the same samples, run after run.
 */
public final class OfflineRenderer implements RenderService {
    private static final int PROGRESS_BLOCKS = 64;

    private final ClipSourceProvider clips;
    private final SampleRateConverter resampler;

    public OfflineRenderer(ClipSourceProvider clips, SampleRateConverter resampler) {
        this.clips = clips;
        this.resampler = resampler;
    }

    /** A renderer for MIDI-only projects, until the media package provides clips and resampling. */
    public OfflineRenderer() {
        this(ClipSourceProvider.NONE, SampleRateConverter.MATCHING_RATES_ONLY);
    }

    @Override
    public Result render(Project project, RenderOptions options, AudioSink sink, ProgressListener progress,
                         BooleanSupplier cancelled)
            throws EngineException, BadInputException, IOException, RenderCancelledException {
        try (sink) {
            progress.progress(0, "loading instruments");
            SoundBanks.Choice bank = SoundBanks.resolve(options.soundFont());
            int rate = options.sampleRate();
            int block = options.blockFrames();
            MixGraph.Settings settings = new MixGraph.Settings(rate, block, options.ceilingDbtp(), bank, clips,
                    resampler, new MeterReadings());
            try (MixGraph graph = MixGraph.build(project, settings, Map.of())) {
                long content = Math.max(graph.contentEndFrame(), (long) Math.ceil(project.durationSeconds() * rate));
                long total = content + (long) Math.ceil(options.tailSeconds() * rate);
                int latency = graph.latencyFrames();
                sink.begin(rate, 2, total);
                float[][] buffer = new float[2][block];
                float[][] view = new float[2][];
                long written = 0;
                long frame = 0;
                int blocks = 0;
                graph.locate(0, true);
                while (written < total) {
                    if (cancelled.getAsBoolean()) {
                        throw new RenderCancelledException(written);
                    }
                    graph.process(frame, buffer, block);
                    frame += block;
                    long producedStart = frame - block - latency;
                    int skip = (int) Math.max(0, -producedStart);
                    int usable = (int) Math.min(block - skip, total - written);
                    if (usable > 0) {
                        if (skip == 0) {
                            sink.write(buffer, usable);
                        } else {
                            view[0] = Arrays.copyOfRange(buffer[0], skip, skip + usable);
                            view[1] = Arrays.copyOfRange(buffer[1], skip, skip + usable);
                            sink.write(view, usable);
                        }
                        written += usable;
                    }
                    if (++blocks % PROGRESS_BLOCKS == 0) {
                        progress.progress((double) written / total, "rendering");
                    }
                }
                progress.progress(1, "done");
                return new Result(written, rate, bank.description(), graph.warnings());
            }
        }
    }
}
