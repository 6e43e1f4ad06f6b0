package fermata.core.analysis;

/**
 * What the analysis saw over time, for plots: loudness every 100 ms and chroma every hop.
 *
 * @param momentaryLufs 400 ms loudness every {@link #LOUDNESS_STEP_SECONDS}, the first ending at 0.4 s
 * @param shortTermLufs 3 s loudness every {@link #LOUDNESS_STEP_SECONDS}, the first ending at 3 s
 * @param chroma frames x 12 pitch-class energies, each frame scaled to its loudest class (0..1);
 *     silent frames are all zero
 * @param chromaStepSeconds the hop between chroma frames
 */
public record Timelines(double[] momentaryLufs, double[] shortTermLufs, double[][] chroma, double chromaStepSeconds) {
    public static final double LOUDNESS_STEP_SECONDS = 0.1;
    public static final Timelines EMPTY = new Timelines(new double[0], new double[0], new double[0][12], 1);

    /** Time in seconds at the end of momentary value i. */
    public static double momentaryTime(int i) {
        return 0.4 + i * LOUDNESS_STEP_SECONDS;
    }

    /** Time in seconds at the end of short-term value i. */
    public static double shortTermTime(int i) {
        return 3.0 + i * LOUDNESS_STEP_SECONDS;
    }

    /** Chroma frames scaled to their loudest class; frames more than 40 dB below the loudest frame are zero. */
    static double[][] normalised(double[][] chroma) {
        double loudest = 0;
        for (double[] frame : chroma) {
            for (double v : frame) {
                loudest = Math.max(loudest, v);
            }
        }
        double[][] out = new double[chroma.length][12];
        for (int f = 0; f < chroma.length; f++) {
            double max = 0;
            for (double v : chroma[f]) {
                max = Math.max(max, v);
            }
            if (max > 0.01 * loudest) {
                for (int pc = 0; pc < 12; pc++) {
                    out[f][pc] = chroma[f][pc] / max;
                }
            }
        }
        return out;
    }
}
