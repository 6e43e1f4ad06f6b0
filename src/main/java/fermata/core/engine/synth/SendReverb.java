package fermata.core.engine.synth;

/**
 * One reverb shared by all MIDI tracks of a graph, fed from the voices' reverb sends (SF2
 * generator 16 and CC91) after each track's fader: Gervill ran a reverb in every track's
 * synthesizer, which cost as much as a few dozen voices per track. The algorithm is Jezar's
 * Freeverb (public domain, the reverb FluidSynth also uses): eight parallel low-passed comb filters
 * and four series all-passes per side, the right side's delays 23 samples longer for width,
 * delay lengths scaled from 44.1 kHz to the engine rate. Pre-allocated, no allocation per block,
 * deterministic.
 */
public final class SendReverb {
    private static final int[] COMBS = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    private static final int[] ALLPASSES = {556, 441, 341, 225};
    private static final int STEREO_SPREAD = 23;
    private static final float INPUT_GAIN = 0.015f;
    /** Room size 0.5 and damping 0.5 in Freeverb's terms: a medium room of about 1.5 s. */
    private static final float FEEDBACK = 0.84f;
    private static final float DAMP = 0.2f;
    private static final float ALLPASS_FEEDBACK = 0.5f;

    private final float[][] combBuffers = new float[2 * COMBS.length][];
    private final int[] combIndex = new int[2 * COMBS.length];
    private final float[] combStore = new float[2 * COMBS.length];
    private final float[][] allpassBuffers = new float[2 * ALLPASSES.length][];
    private final int[] allpassIndex = new int[2 * ALLPASSES.length];
    private final float[] input;
    private final float[] wet;
    private boolean sleeping = true;
    private int quietFrames;
    private final int longestDelay;

    public SendReverb(int sampleRate, int maxBlockFrames) {
        double scale = sampleRate / 44_100.0;
        for (int side = 0; side < 2; side++) {
            for (int c = 0; c < COMBS.length; c++) {
                combBuffers[side * COMBS.length + c] = new float[(int) ((COMBS[c] + side * STEREO_SPREAD) * scale)];
            }
            for (int a = 0; a < ALLPASSES.length; a++) {
                allpassBuffers[side * ALLPASSES.length + a] = new float[(int) ((ALLPASSES[a] + side * STEREO_SPREAD) * scale)];
            }
        }
        int longest = combBuffers[2 * COMBS.length - 1].length;
        for (int a = ALLPASSES.length; a < 2 * ALLPASSES.length; a++) {
            longest += allpassBuffers[a].length;
        }
        longestDelay = longest;
        input = new float[maxBlockFrames];
        wet = new float[maxBlockFrames];
    }

    /**
     * Adds the reverberated {@code send[0..frames)} (mono) to {@code left} and {@code right}.
     * The eight combs of a side run in one loop, written out, so their eight feedback chains
     * overlap in the CPU instead of each waiting on its own previous sample; the all-passes then
     * run over the block one after the other.
     */
    public void process(float[] send, float[] left, float[] right, int frames) {
        float in = 0;
        for (int i = 0; i < frames; i++) {
            input[i] = send[i] * INPUT_GAIN;
            in = Math.max(in, Math.abs(send[i]));
        }
        if (in == 0 && sleeping) {
            return;
        }
        float out = 0;
        for (int side = 0; side < 2; side++) {
            combs(side * COMBS.length, frames);
            for (int a = side * ALLPASSES.length; a < (side + 1) * ALLPASSES.length; a++) {
                allpass(a, frames);
            }
            float[] dest = side == 0 ? left : right;
            for (int i = 0; i < frames; i++) {
                dest[i] += wet[i];
                out = Math.max(out, Math.abs(wet[i]));
            }
        }
        // A tail 160 dB down, with no input for longer than the longest delay line, is over:
        // clearing it keeps the lines from decaying into denormals (slow on x86) and lets silent
        // passages cost nothing.
        quietFrames = in == 0 && out < 1e-8f ? quietFrames + frames : 0;
        sleeping = quietFrames > longestDelay;
        if (sleeping) {
            reset();
        }
    }

    /**
     * The eight parallel combs of one side, written out one by one rather than looped over an
     * index so that each comb's state and position stay in locals (registers) across the frame
     * loop: this is the reverb's whole cost, paid once per block for the whole graph.
     */
    private void combs(int first, int frames) {
        float[] b0 = combBuffers[first + 0];
        int i0 = combIndex[first + 0];
        float s0 = combStore[first + 0];
        float[] b1 = combBuffers[first + 1];
        int i1 = combIndex[first + 1];
        float s1 = combStore[first + 1];
        float[] b2 = combBuffers[first + 2];
        int i2 = combIndex[first + 2];
        float s2 = combStore[first + 2];
        float[] b3 = combBuffers[first + 3];
        int i3 = combIndex[first + 3];
        float s3 = combStore[first + 3];
        float[] b4 = combBuffers[first + 4];
        int i4 = combIndex[first + 4];
        float s4 = combStore[first + 4];
        float[] b5 = combBuffers[first + 5];
        int i5 = combIndex[first + 5];
        float s5 = combStore[first + 5];
        float[] b6 = combBuffers[first + 6];
        int i6 = combIndex[first + 6];
        float s6 = combStore[first + 6];
        float[] b7 = combBuffers[first + 7];
        int i7 = combIndex[first + 7];
        float s7 = combStore[first + 7];
        final float keep = 1 - DAMP;
        for (int i = 0; i < frames; i++) {
            float in = input[i];
            float d0 = b0[i0];
            s0 = d0 * keep + s0 * DAMP;
            b0[i0] = in + s0 * FEEDBACK;
            i0 = i0 + 1 == b0.length ? 0 : i0 + 1;
            float d1 = b1[i1];
            s1 = d1 * keep + s1 * DAMP;
            b1[i1] = in + s1 * FEEDBACK;
            i1 = i1 + 1 == b1.length ? 0 : i1 + 1;
            float d2 = b2[i2];
            s2 = d2 * keep + s2 * DAMP;
            b2[i2] = in + s2 * FEEDBACK;
            i2 = i2 + 1 == b2.length ? 0 : i2 + 1;
            float d3 = b3[i3];
            s3 = d3 * keep + s3 * DAMP;
            b3[i3] = in + s3 * FEEDBACK;
            i3 = i3 + 1 == b3.length ? 0 : i3 + 1;
            float d4 = b4[i4];
            s4 = d4 * keep + s4 * DAMP;
            b4[i4] = in + s4 * FEEDBACK;
            i4 = i4 + 1 == b4.length ? 0 : i4 + 1;
            float d5 = b5[i5];
            s5 = d5 * keep + s5 * DAMP;
            b5[i5] = in + s5 * FEEDBACK;
            i5 = i5 + 1 == b5.length ? 0 : i5 + 1;
            float d6 = b6[i6];
            s6 = d6 * keep + s6 * DAMP;
            b6[i6] = in + s6 * FEEDBACK;
            i6 = i6 + 1 == b6.length ? 0 : i6 + 1;
            float d7 = b7[i7];
            s7 = d7 * keep + s7 * DAMP;
            b7[i7] = in + s7 * FEEDBACK;
            i7 = i7 + 1 == b7.length ? 0 : i7 + 1;
            wet[i] = ((d0 + d1) + (d2 + d3)) + ((d4 + d5) + (d6 + d7));
        }
        combIndex[first + 0] = i0;
        combStore[first + 0] = flush(s0);
        combIndex[first + 1] = i1;
        combStore[first + 1] = flush(s1);
        combIndex[first + 2] = i2;
        combStore[first + 2] = flush(s2);
        combIndex[first + 3] = i3;
        combStore[first + 3] = flush(s3);
        combIndex[first + 4] = i4;
        combStore[first + 4] = flush(s4);
        combIndex[first + 5] = i5;
        combStore[first + 5] = flush(s5);
        combIndex[first + 6] = i6;
        combStore[first + 6] = flush(s6);
        combIndex[first + 7] = i7;
        combStore[first + 7] = flush(s7);
    }

    /** Values that would decay into denormals, which are slow on x86, become zero. */
    private static float flush(float x) {
        return Math.abs(x) < 1e-20f ? 0f : x;
    }

    private void allpass(int a, int frames) {
        float[] buffer = allpassBuffers[a];
        int at = allpassIndex[a];
        for (int i = 0; i < frames; i++) {
            float delayed = buffer[at];
            float x = wet[i];
            buffer[at] = x + delayed * ALLPASS_FEEDBACK;
            at = at + 1 == buffer.length ? 0 : at + 1;
            wet[i] = delayed - x;
        }
        allpassIndex[a] = at;
    }

    /** Silences the tail (after a seek that cuts the sound). */
    public void reset() {
        for (int c = 0; c < combBuffers.length; c++) {
            java.util.Arrays.fill(combBuffers[c], 0f);
            combStore[c] = 0;
            combIndex[c] = 0;
        }
        for (int a = 0; a < allpassBuffers.length; a++) {
            java.util.Arrays.fill(allpassBuffers[a], 0f);
            allpassIndex[a] = 0;
        }
    }
}
