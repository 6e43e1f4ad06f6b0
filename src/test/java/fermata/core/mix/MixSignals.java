package fermata.core.mix;

import java.util.Random;

/** Generated test material with known answers: music-like tones, noises at a chosen SNR, synthetic stems. */
final class MixSignals {
    static final int RATE = 44_100;

    private MixSignals() {
    }

    /**
     * A melody of harmonic tones (8 partials falling as 1/h, attack-decay-sustain-release
     * envelopes) with rests between phrases, so the recording has quiet parts as real music does.
     */
    static float[] music(double seconds, long seed) {
        Random random = new Random(seed);
        int frames = (int) (seconds * RATE);
        float[] out = new float[frames];
        double[] scale = {220.0, 246.94, 277.18, 293.66, 329.63, 369.99, 415.30, 440.0};
        double t = 0.1;
        while (t < seconds - 0.5) {
            int notes = 3 + random.nextInt(4);
            for (int n = 0; n < notes && t < seconds - 0.5; n++) {
                double f = scale[random.nextInt(scale.length)] * (random.nextBoolean() ? 1 : 0.5);
                double length = 0.25 + 0.35 * random.nextDouble();
                addTone(out, t, length, f, 0.3, random.nextDouble() * 2 * Math.PI);
                t += length;
            }
            t += 0.3 + 0.4 * random.nextDouble();
        }
        return out;
    }

    static void addTone(float[] out, double start, double length, double f, double amplitude, double phase) {
        int from = (int) (start * RATE);
        int to = Math.min(out.length, (int) ((start + length + 0.15) * RATE));
        for (int i = from; i < to; i++) {
            double time = (double) (i - from) / RATE;
            double env = time < 0.01 ? time / 0.01 : time < length ? 0.6 + 0.4 * Math.exp(-(time - 0.01) / 0.08)
                    : 0.6 * Math.exp(-(time - length) / 0.04);
            double sum = 0;
            for (int h = 1; h <= 8 && h * f < RATE / 2.0; h++) {
                sum += Math.sin(2 * Math.PI * h * f * time + phase * h) / h;
            }
            out[i] += (float) (amplitude * env * sum);
        }
    }

    static float[] white(int frames, long seed) {
        Random random = new Random(seed);
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    /** Pink (1/f) noise: white noise through Paul Kellet's refined filter. */
    static float[] pink(int frames, long seed) {
        Random random = new Random(seed);
        float[] out = new float[frames];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (int i = 0; i < frames; i++) {
            double w = random.nextGaussian();
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            out[i] = (float) (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362);
            b6 = w * 0.115926;
        }
        return out;
    }

    /** Mains hum: 50 Hz and five harmonics, as a transformer's buzz has them. */
    static float[] hum(int frames, double fundamental) {
        double[] amplitudes = {1.0, 0.6, 0.45, 0.3, 0.2, 0.12};
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int h = 0; h < amplitudes.length; h++) {
                sum += amplitudes[h] * Math.sin(2 * Math.PI * (h + 1) * fundamental * i / RATE + 0.7 * h);
            }
            out[i] = (float) sum;
        }
        return out;
    }

    /** Clean plus noise scaled so that the whole-signal SNR is {@code snrDb}. */
    static float[] mix(float[] clean, float[] noise, double snrDb) {
        double gain = noiseGain(clean, noise, snrDb);
        float[] out = new float[clean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (clean[i] + gain * noise[i]);
        }
        return out;
    }

    static double noiseGain(float[] clean, float[] noise, double snrDb) {
        return Math.sqrt(energy(clean) / (energy(noise) * Math.pow(10, snrDb / 10)));
    }

    static double energy(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return sum;
    }

    static float[] scaled(float[] x, double gain) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * gain);
        }
        return out;
    }
}
