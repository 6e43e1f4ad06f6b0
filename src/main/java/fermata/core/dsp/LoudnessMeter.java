package fermata.core.dsp;

import java.util.Arrays;

/**
 * Momentary loudness (ITU-R BS.1770-4, EBU R128 "M"): K-weighting (a high shelf modelling the
 * head, then the RLB high-pass), mean square over a sliding 400 ms window, summed over channels
 * with weight 1.0 (left and right), in LUFS. The window advances in 100 ms steps, the overlap
 * R128 specifies. Filter coefficients are derived from the analogue prototypes for any sample
 * rate (the standard only tabulates 48 kHz), as libebur128 does. Pre-allocated; safe on the audio
 * thread.
 */
public final class LoudnessMeter {
    /** What {@link #momentaryLufs()} reports before the first window is full or for digital silence. */
    public static final double SILENCE_LUFS = -70.0;
    private static final int STEPS_PER_WINDOW = 4;

    private final int channels;
    private final Biquad[] shelf;
    private final Biquad[] highPass;
    private final int stepFrames;
    private final double[] stepEnergy = new double[STEPS_PER_WINDOW];
    private int stepIndex;
    private int stepsFilled;
    private int framesInStep;
    private double currentEnergy;
    private double momentary = SILENCE_LUFS;

    public LoudnessMeter(int sampleRate, int channels) {
        this.channels = channels;
        shelf = new Biquad[channels];
        highPass = new Biquad[channels];
        for (int c = 0; c < channels; c++) {
            shelf[c] = new Biquad();
            highPass[c] = new Biquad();
            designKWeighting(sampleRate, shelf[c], highPass[c]);
        }
        stepFrames = Math.round(sampleRate * 0.1f);
    }

    static void designKWeighting(double rate, Biquad shelf, Biquad highPass) {
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rate);
        double vh = Math.pow(10.0, gainDb / 20.0);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1.0 + k / q + k * k;
        shelf.setCoefficients((vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0);

        f0 = 38.13547087602444;
        q = 0.5003270373238773;
        k = Math.tan(Math.PI * f0 / rate);
        double d = 1.0 + k / q + k * k;
        highPass.setCoefficients(1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / d, (1.0 - k / q + k * k) / d);
    }

    public void process(float[][] buffer, int frames) {
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                double y = highPass[c].process(shelf[c].process(buffer[c][i]));
                sum += y * y;
            }
            currentEnergy += sum;
            if (++framesInStep == stepFrames) {
                completeStep();
            }
        }
    }

    private void completeStep() {
        stepEnergy[stepIndex] = currentEnergy;
        stepIndex = (stepIndex + 1) % STEPS_PER_WINDOW;
        stepsFilled = Math.min(STEPS_PER_WINDOW, stepsFilled + 1);
        currentEnergy = 0;
        framesInStep = 0;
        if (stepsFilled == STEPS_PER_WINDOW) {
            double total = 0;
            for (double e : stepEnergy) {
                total += e;
            }
            double meanSquare = total / (STEPS_PER_WINDOW * (double) stepFrames);
            momentary = meanSquare <= 0 ? SILENCE_LUFS : Math.max(SILENCE_LUFS, -0.691 + 10.0 * Math.log10(meanSquare));
        }
    }

    /** Loudness of the last full 400 ms window in LUFS, at least {@link #SILENCE_LUFS}. */
    public double momentaryLufs() {
        return momentary;
    }

    public void reset() {
        for (int c = 0; c < channels; c++) {
            shelf[c].reset();
            highPass[c].reset();
        }
        Arrays.fill(stepEnergy, 0);
        stepIndex = 0;
        stepsFilled = 0;
        framesInStep = 0;
        currentEnergy = 0;
        momentary = SILENCE_LUFS;
    }
}
