package fermata.core.engine;

import fermata.core.engine.synth.TrackSynth;

import java.util.Arrays;

/** Drives a {@link TrackSynth} block by block from a list of timed messages, and measures what comes out. */
final class SynthTesting {
    static final int RATE = 48_000;
    static final int BLOCK = 512;

    private SynthTesting() {
    }

    /**
     * Renders {@code frames} frames; {@code messages} are {frame, status, data1, data2} in frame
     * order, sent as the engine's scheduler sends them (the synthesizer's latency early).
     */
    static float[][] render(TrackSynth synth, int frames, int[]... messages) {
        float[][] out = new float[2][frames];
        float[] l = new float[BLOCK];
        float[] r = new float[BLOCK];
        int latency = synth.latencyFrames();
        int next = 0;
        for (int at = 0; at < frames; at += BLOCK) {
            while (next < messages.length && messages[next][0] < at + BLOCK + latency) {
                int[] m = messages[next++];
                synth.send(m[1] & 0xF0, m[1] & 0x0F, m[2], m[3], Math.max(0, m[0] - latency - at));
            }
            int n = Math.min(BLOCK, frames - at);
            synth.render(l, r, n);
            System.arraycopy(l, 0, out[0], at, n);
            System.arraycopy(r, 0, out[1], at, n);
        }
        return out;
    }

    /** The left channel of one note on {@code channel}, on from frame 0 to {@code offFrame}, after a program change. */
    static float[] note(TrackSynth synth, int channel, int program, int key, int velocity, int offFrame, int frames) {
        return render(synth, frames, new int[] {0, 0xC0 | channel, program, 0}, new int[] {0, 0x90 | channel, key, velocity},
                new int[] {offFrame, 0x80 | channel, key, 0})[0];
    }

    /** The frequency of the strongest spectral peak within a semitone of {@code near}, interpolated between bins. */
    static double peakNear(float[] signal, int from, double near) {
        int n = Integer.highestOneBit(Math.min(65_536, signal.length - from));
        double[] mag = Spectrum.magnitude(Arrays.copyOfRange(signal, from, from + n));
        int lo = (int) (near * 0.944 * n / RATE);
        int hi = (int) Math.ceil(near * 1.06 * n / RATE);
        int peak = lo;
        for (int bin = lo; bin <= hi; bin++) {
            if (mag[bin] > mag[peak]) {
                peak = bin;
            }
        }
        double a = Math.log(mag[peak - 1] + 1e-30);
        double b = Math.log(mag[peak] + 1e-30);
        double c = Math.log(mag[peak + 1] + 1e-30);
        double offset = 0.5 * (a - c) / (a - 2 * b + c);
        return (peak + offset) * RATE / n;
    }

    /** The bin of the strongest peak of the whole spectrum above 20 Hz, in hertz. */
    static double strongestPeak(float[] signal, int from) {
        int n = 65_536;
        double[] mag = Spectrum.magnitude(Arrays.copyOfRange(signal, from, from + n));
        int peak = 30;
        for (int bin = 30; bin < n / 2; bin++) {
            if (mag[bin] > mag[peak]) {
                peak = bin;
            }
        }
        return (double) peak * RATE / n;
    }

    static double rmsDb(float[] signal, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += (double) signal[i] * signal[i];
        }
        return 10 * Math.log10(sum / count + 1e-30);
    }
}
