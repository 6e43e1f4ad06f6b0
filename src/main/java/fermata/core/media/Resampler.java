package fermata.core.media;

import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_double;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.swresample.SWR_FILTER_TYPE_KAISER;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

/**
 * Sample-rate conversion of planar float audio with libswresample (FFmpeg), set for quality
 * rather than speed: a long Kaiser-windowed sinc ({@value #FILTER_SIZE} taps per phase, beta
 * {@value #KAISER_BETA}, pass band to {@value #CUTOFF} of the lower Nyquist) and exact rational
 * phases, which keeps images and aliases below -90 dB (ResamplerTest measures it).
 *
 * <p>Streaming: feed blocks to {@link #process}, then take the tail from {@link #finish}. The total
 * output is exactly {@link #outputLength}(input frames), the length a listener expects: the
 * filter's tail is cut or padded with silence to that length. Not thread-safe; close it to free
 * the native context.
 */
public final class Resampler implements AutoCloseable {
    static final int FILTER_SIZE = 64;
    static final double KAISER_BETA = 12.0;
    static final double CUTOFF = 0.95;
    private static final int PHASE_SHIFT = 10;
    private static final int BLOCK = 8192;

    private final int channels;
    private final int inputRate;
    private final int outputRate;
    private SwrContext context;
    private final FloatPointer[] inputPlanes;
    private final FloatPointer[] outputPlanes;
    private final PointerPointer<FloatPointer> input;
    private final PointerPointer<FloatPointer> output;
    private final int outputCapacity;
    private long framesIn;
    private long framesOut;

    public Resampler(int channels, int inputRate, int outputRate) {
        if (channels < 1 || channels > WavHeader.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + WavHeader.MAX_CHANNELS + ", was " + channels);
        }
        checkRate("input", inputRate);
        checkRate("output", outputRate);
        this.channels = channels;
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        // Same layout in and out, so swresample only resamples and never remixes channels.
        long layout = channels == 64 ? -1L : (1L << channels) - 1;
        context = swr_alloc_set_opts(null, layout, AV_SAMPLE_FMT_FLTP, outputRate, layout, AV_SAMPLE_FMT_FLTP,
                inputRate, 0, null);
        if (context == null) {
            throw new OutOfMemoryError("libswresample could not allocate a context");
        }
        av_opt_set_int(context, "filter_type", SWR_FILTER_TYPE_KAISER, 0);
        av_opt_set_double(context, "kaiser_beta", KAISER_BETA, 0);
        av_opt_set_int(context, "filter_size", FILTER_SIZE, 0);
        av_opt_set_int(context, "phase_shift", PHASE_SHIFT, 0);
        av_opt_set_int(context, "exact_rational", 1, 0);
        av_opt_set_double(context, "cutoff", CUTOFF, 0);
        int result = swr_init(context);
        if (result < 0) {
            swr_free(context);
            throw new IllegalStateException("libswresample refused " + inputRate + " -> " + outputRate + " Hz: "
                    + FfmpegDecoder.errorText(result));
        }
        outputCapacity = swr_get_out_samples(context, BLOCK) + BLOCK;
        inputPlanes = new FloatPointer[channels];
        outputPlanes = new FloatPointer[channels];
        for (int c = 0; c < channels; c++) {
            inputPlanes[c] = new FloatPointer(BLOCK);
            outputPlanes[c] = new FloatPointer(outputCapacity);
        }
        input = new PointerPointer<>(inputPlanes);
        output = new PointerPointer<>(outputPlanes);
    }

    private static void checkRate(String which, int rate) {
        if (rate < 1 || rate > WavHeader.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException(which + " sample rate must be 1.." + WavHeader.MAX_SAMPLE_RATE
                    + ", was " + rate);
        }
    }

    /** round(frames * outputRate / inputRate): the length of the whole output for a whole input. */
    public static long outputLength(long frames, int inputRate, int outputRate) {
        return Math.round((double) frames * outputRate / inputRate);
    }

    /** Room the output needs for the next {@code process} call of {@code inputFrames} frames. */
    public int maxOutputFrames(int inputFrames) {
        return swr_get_out_samples(context, inputFrames) + BLOCK;
    }

    /**
     * Resamples {@code in[channel][inOffset ..]} and writes what is ready to {@code out[channel][outOffset ..]},
     * which needs {@link #maxOutputFrames} frames of room. Returns the number of frames written.
     */
    public int process(float[][] in, int inOffset, int inFrames, float[][] out, int outOffset) {
        if (context == null) {
            throw new IllegalStateException("resampler is closed");
        }
        int written = 0;
        for (int done = 0; done < inFrames; ) {
            int count = Math.min(BLOCK, inFrames - done);
            for (int c = 0; c < channels; c++) {
                inputPlanes[c].put(in[c], inOffset + done, count);
            }
            int produced = convert(count);
            copyOut(out, outOffset + written, produced);
            written += produced;
            done += count;
        }
        framesIn += inFrames;
        return written;
    }

    /** Flushes the filter and returns the last frames, so the whole output has {@link #outputLength} frames. */
    public float[][] finish() {
        if (context == null) {
            throw new IllegalStateException("resampler is closed");
        }
        int missing = (int) Math.max(0, outputLength(framesIn, inputRate, outputRate) - framesOut);
        float[][] tail = new float[channels][missing];
        int filled = 0;
        int produced;
        while ((produced = swr_convert(context, output, outputCapacity, (PointerPointer<?>) null, 0)) > 0) {
            int kept = Math.min(produced, missing - filled);
            copyOut(tail, filled, kept);
            filled += kept;
        }
        framesOut += missing - filled;
        return tail;
    }

    private int convert(int inputFrames) {
        int produced = swr_convert(context, output, outputCapacity, input, inputFrames);
        if (produced < 0) {
            throw new IllegalStateException("libswresample failed: " + FfmpegDecoder.errorText(produced));
        }
        return produced;
    }

    private void copyOut(float[][] out, int offset, int frames) {
        for (int c = 0; c < channels; c++) {
            outputPlanes[c].get(out[c], offset, frames);
        }
        framesOut += frames;
    }

    @Override
    public void close() {
        if (context != null) {
            swr_free(context);
            context = null;
            for (int c = 0; c < channels; c++) {
                inputPlanes[c].close();
                outputPlanes[c].close();
            }
            input.close();
            output.close();
        }
    }
}
