package fermata.core.engine;

import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link MixGraph} block by block as fast as the CPU allows. The master look-ahead delays
 * the output by a few frames; the renderer runs that much longer and drops as much at the start,
 * so the file lines up with the timeline to the sample. Tracks render on every core; the result
 * is still deterministic: the same project and options give the same samples, run after run.
 */
public final class OfflineRenderer implements RenderService {
    private static final int PROGRESS_BLOCKS = 64;
    /**
     * Handing a block's tracks to the other cores costs some tens of microseconds per block
     * (wake-ups, futures), which is more than two light tracks take to render. The renderer times
     * each window of {@link #PROGRESS_BLOCKS} blocks and uses the workers while a block takes
     * longer than this on one thread (half of it on several, to come back). The output is the
     * same bit for bit either way (ParallelRenderTest), only the speed depends on the choice.
     */
    private static final long PARALLEL_WORTH_NANOS = 200_000;
    /** Tracks render on all cores (export only); the threads are daemons so a stuck render never blocks exit. */
    private static final ThreadFactory RENDER_THREADS = r -> {
        Thread t = new Thread(r, "fermata-render");
        t.setDaemon(true);
        return t;
    };

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
                    resampler, new MeterReadings(), options.synth());
            int tracks = project.tracks().size();
            int parallelism = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), tracks));
            ExecutorService workers = parallelism > 1 ? Executors.newFixedThreadPool(parallelism, RENDER_THREADS) : null;
            try (MixGraph graph = MixGraph.build(project, settings, Map.of())) {
                long content = Math.max(graph.contentEndFrame(), (long) Math.ceil(project.durationSeconds() * rate));
                long total = content + (long) Math.ceil(options.tailSeconds() * rate);
                sink.begin(rate, 2, total);
                long written = renderBlocks(graph, block, total, sink, progress, cancelled, workers, parallelism);
                progress.progress(1, "done");
                return new Result(written, rate, bank.description(), graph.warnings());
            } finally {
                if (workers != null) {
                    workers.shutdownNow();
                }
            }
        }
    }

    /** Renders until {@code total} frames reached the sink, dropping the master's look-ahead latency at the start. */
    private static long renderBlocks(MixGraph graph, int block, long total, AudioSink sink, ProgressListener progress,
                                     BooleanSupplier cancelled, ExecutorService workers, int parallelism)
            throws EngineException, IOException, RenderCancelledException {
        int latency = graph.latencyFrames();
        float[][] buffer = new float[2][block];
        float[][] view = new float[2][];
        long written = 0;
        long frame = 0;
        int blocks = 0;
        boolean parallel = false;
        long windowNanos = 0;
        graph.locate(0, true);
        while (written < total) {
            if (cancelled.getAsBoolean()) {
                throw new RenderCancelledException(written);
            }
            long start = System.nanoTime();
            if (parallel) {
                graph.process(frame, buffer, block, workers, parallelism);
            } else {
                graph.process(frame, buffer, block);
            }
            windowNanos += System.nanoTime() - start;
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
                long perBlock = windowNanos / PROGRESS_BLOCKS;
                parallel = workers != null && (parallel ? perBlock > PARALLEL_WORTH_NANOS / 2 : perBlock > PARALLEL_WORTH_NANOS);
                windowNanos = 0;
            }
        }
        return written;
    }
}
