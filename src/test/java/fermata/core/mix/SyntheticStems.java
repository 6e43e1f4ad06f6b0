package fermata.core.mix;

import java.util.Random;

/** Clearly synthetic stems of each role, 120 BPM, at {@link MixSignals#RATE}. */
final class SyntheticStems {
    static final int RATE = MixSignals.RATE;

    private SyntheticStems() {
    }

    /** A kick: a sine falling from 150 to 50 Hz, decaying in 80 ms, on every beat. */
    static float[][] kick(double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        for (double t = 0; t < seconds; t += 0.5) {
            int from = (int) (t * RATE);
            double phase = 0;
            for (int i = from; i < Math.min(x.length, from + RATE / 2); i++) {
                double time = (double) (i - from) / RATE;
                double f = 50 + 100 * Math.exp(-time / 0.03);
                phase += 2 * Math.PI * f / RATE;
                x[i] += (float) (0.8 * Math.exp(-time / 0.08) * Math.sin(phase));
            }
        }
        return new float[][] {x};
    }

    /** Hi-hats: white-noise bursts decaying in 25 ms on every eighth note, stereo. */
    static float[][] hats(double seconds, long seed) {
        Random random = new Random(seed);
        float[] l = new float[(int) (seconds * RATE)];
        float[] r = new float[l.length];
        float previous = 0;
        for (double t = 0; t < seconds; t += 0.25) {
            int from = (int) (t * RATE);
            for (int i = from; i < Math.min(l.length, from + RATE / 5); i++) {
                double env = 0.3 * Math.exp(-(double) (i - from) / RATE / 0.025);
                float white = (float) random.nextGaussian();
                float high = white - previous;
                previous = white;
                l[i] += (float) (env * high);
                r[i] += (float) (env * high * 0.9);
            }
        }
        return new float[][] {l, r};
    }

    /** A bass: sine notes between 41 and 82 Hz, legato, half a second each. */
    static float[][] bass(double seconds) {
        double[] notes = {55, 41.2, 49, 61.7, 73.4, 55, 82.4, 65.4};
        float[] x = new float[(int) (seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double f = notes[(i / (RATE / 2)) % notes.length];
            phase += 2 * Math.PI * f / RATE;
            x[i] = (float) (0.5 * (Math.sin(phase) + 0.15 * Math.sin(2 * phase)));
        }
        return new float[][] {x};
    }

    /** A lead: one harmonic voice with vibrato, 300-700 Hz, legato. */
    static float[][] lead(double seconds) {
        double[] notes = {392, 440, 494, 523, 587, 523, 440, 330};
        float[] x = new float[(int) (seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double time = (double) i / RATE;
            double f = notes[(int) (time / 0.5) % notes.length] * (1 + 0.006 * Math.sin(2 * Math.PI * 5.5 * time));
            phase += 2 * Math.PI * f / RATE;
            double sum = 0;
            for (int h = 1; h <= 6; h++) {
                sum += Math.sin(h * phase) / (h * h);
            }
            x[i] = (float) (0.3 * sum);
        }
        return new float[][] {x};
    }

    /** A pad: four-note chords of two seconds with slow attack, detuned between left and right. */
    static float[][] pad(double seconds) {
        double[][] chords = {{220, 277.2, 329.6, 440}, {196, 246.9, 293.7, 392}, {174.6, 220, 261.6, 349.2}};
        float[] l = new float[(int) (seconds * RATE)];
        float[] r = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            double time = (double) i / RATE;
            double[] chord = chords[(int) (time / 2) % chords.length];
            double inChord = time % 2;
            double env = Math.min(1, inChord / 0.4) * Math.min(1, (2 - inChord) / 0.2);
            double left = 0;
            double right = 0;
            for (double f : chord) {
                left += Math.sin(2 * Math.PI * f * time) + 0.3 * Math.sin(4 * Math.PI * f * time);
                right += Math.sin(2 * Math.PI * f * 1.004 * time + 1) + 0.3 * Math.sin(4 * Math.PI * f * 1.004 * time);
            }
            l[i] = (float) (0.08 * env * left);
            r[i] = (float) (0.08 * env * right);
        }
        return new float[][] {l, r};
    }

    /** A guitar: Karplus-Strong plucks, a new note every quarter second, 110-440 Hz. */
    static float[][] guitar(double seconds, long seed) {
        Random random = new Random(seed);
        double[] notes = {110, 146.8, 196, 246.9, 329.6, 392, 220, 164.8};
        float[] x = new float[(int) (seconds * RATE)];
        int note = 0;
        for (double t = 0; t < seconds; t += 0.25) {
            int period = (int) Math.round(RATE / notes[note++ % notes.length]);
            float[] line = new float[period];
            for (int i = 0; i < period; i++) {
                line[i] = (float) (random.nextDouble() * 2 - 1);
            }
            int from = (int) (t * RATE);
            for (int i = from, j = 0; i < Math.min(x.length, from + RATE / 4); i++, j++) {
                int p = j % period;
                float next = line[(p + 1) % period];
                float out = line[p];
                line[p] = 0.996f * 0.5f * (out + next);
                x[i] += 0.4f * out;
            }
        }
        return new float[][] {x};
    }
}
