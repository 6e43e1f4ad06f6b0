package fermata.core.engine.synth;

/**
 * One chorus shared by all MIDI tracks of a graph, fed like {@link SendReverb} from the voices'
 * chorus sends (SF2 generator 15 and CC93) after each track's fader. SoundFonts voice strings and
 * pads for a chorus (TimGM6mb sends its strings 100 % to it), and FluidSynth and Gervill both run
 * one by default. Three delayed copies, 12 ms apart from the dry signal and swept by +-4 ms at
 * 0.3 Hz in three phases (FluidSynth's default is three voices at 0.3 Hz), the first on the left,
 * the third on the right, the middle one on both. The sine sweeps turn by a rotation every 32
 * frames, without a call to {@code Math.sin}, and the delays ramp linearly in between.
 * Pre-allocated, allocation-free, deterministic.
 */
public final class SendChorus {
    private static final int TAPS = 3;
    private static final double BASE_SECONDS = 0.012;
    private static final double DEPTH_SECONDS = 0.004;
    private static final double SWEEP_HZ = 0.3;
    private static final float OUTPUT_GAIN = 0.7f;

    private final float[] line;
    private final int mask;
    private int write;
    private final double base;
    private final double depth;
    private final double rotateCos;
    private final double rotateSin;
    private final double[] sweepCos = new double[TAPS];
    private final double[] sweepSin = new double[TAPS];
    private final double[] delayFrom = new double[TAPS];
    private final double[] delayStep = new double[TAPS];
    /** The sweep is computed every this many frames and the delays ramped linearly between. */
    private static final int SWEEP_STEP = 32;
    private static final float[] LEFT = {1f, 0.5f, 0f};
    private static final float[] RIGHT = {0f, 0.5f, 1f};
    private boolean sleeping = true;
    private int quietFrames;

    public SendChorus(int sampleRate) {
        base = BASE_SECONDS * sampleRate;
        depth = DEPTH_SECONDS * sampleRate;
        int length = Integer.highestOneBit((int) (base + depth + 4)) * 2;
        line = new float[length];
        mask = length - 1;
        double step = 2 * Math.PI * SWEEP_HZ * SWEEP_STEP / sampleRate;
        rotateCos = Math.cos(step);
        rotateSin = Math.sin(step);
        resetSweeps();
    }

    private void resetSweeps() {
        for (int t = 0; t < TAPS; t++) {
            sweepCos[t] = Math.cos(2 * Math.PI * t / TAPS);
            sweepSin[t] = Math.sin(2 * Math.PI * t / TAPS);
        }
    }

    /** Adds the chorused {@code send[0..frames)} (mono) to {@code left} and {@code right}. */
    public void process(float[] send, float[] left, float[] right, int frames) {
        float in = 0;
        for (int i = 0; i < frames; i++) {
            in = Math.max(in, Math.abs(send[i]));
        }
        if (in == 0 && sleeping) {
            return;
        }
        for (int start = 0; start < frames; start += SWEEP_STEP) {
            int end = Math.min(frames, start + SWEEP_STEP);
            for (int t = 0; t < TAPS; t++) {
                double c = sweepCos[t];
                double s = sweepSin[t];
                sweepCos[t] = c * rotateCos - s * rotateSin;
                sweepSin[t] = s * rotateCos + c * rotateSin;
                delayFrom[t] = base + depth * s;
                delayStep[t] = depth * (sweepSin[t] - s) / SWEEP_STEP;
            }
            for (int i = start; i < end; i++) {
                line[write] = send[i];
                float l = 0;
                float r = 0;
                for (int t = 0; t < TAPS; t++) {
                    double delay = delayFrom[t] + delayStep[t] * (i - start);
                    int whole = (int) delay;
                    float frac = (float) (delay - whole);
                    float a = line[(write - whole) & mask];
                    float b = line[(write - whole - 1) & mask];
                    float y = a + (b - a) * frac;
                    l += y * LEFT[t];
                    r += y * RIGHT[t];
                }
                left[i] += OUTPUT_GAIN * l;
                right[i] += OUTPUT_GAIN * r;
                write = (write + 1) & mask;
            }
        }
        // Silent input for longer than the line: the line holds only zeros, nothing to compute.
        quietFrames = in == 0 ? quietFrames + frames : 0;
        sleeping = quietFrames > line.length;
    }

    /** Silences what is in the line (after a seek that cuts the sound). */
    public void reset() {
        java.util.Arrays.fill(line, 0f);
        write = 0;
        quietFrames = 0;
        sleeping = true;
        resetSweeps();
    }
}
