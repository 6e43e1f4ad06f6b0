package fermata.core.compose;

/**
 * The frame-level negative log-likelihood of the polyphonic-music literature (Boulanger-Lewandowski
 * et al. 2012; Bai et al. 2018): for each time step, -sum over the outputs p of
 * log P(x_t,p | x_&lt;t) under independent Bernoulli outputs, natural log; a data set's figure is the
 * mean over all its time steps.
 */
public final class FrameNll {
    /**
     * Probabilities are kept this far from 0 and 1: a float sigmoid rounds to exactly 1 beyond a
     * logit of about 17, and log(0) would make one step infinite.
     */
    public static final double EPSILON = 1e-7;

    private FrameNll() {
    }

    /** -sum_p [x_p log q_p + (1 - x_p) log(1 - q_p)] for one step. */
    public static double step(double[] probabilities, boolean[] sounding) {
        if (probabilities.length != sounding.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + sounding.length + " outputs");
        }
        double nll = 0;
        for (int p = 0; p < probabilities.length; p++) {
            nll -= term(probabilities[p], sounding[p]);
        }
        return nll;
    }

    /** log q when the output is on, log(1 - q) when off, with q clamped to [EPSILON, 1 - EPSILON]. */
    public static double term(double probability, boolean on) {
        double q = Math.min(1 - EPSILON, Math.max(EPSILON, probability));
        return on ? Math.log(q) : Math.log1p(-q);
    }

    /** The mean of {@link #step} over a table of steps. */
    public static double meanPerStep(double[][] probabilities, boolean[][] sounding) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("no steps");
        }
        double sum = 0;
        for (int t = 0; t < probabilities.length; t++) {
            sum += step(probabilities[t], sounding[t]);
        }
        return sum / probabilities.length;
    }
}
