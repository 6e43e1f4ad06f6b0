package fermata.core.analysis.tonal;

/**
 * The state sequence with the best total score when every change of state costs a fixed penalty:
 * a Viterbi decode with a uniform transition model. It keeps chord and key labels from
 * flickering frame to frame. O(frames x states): the best predecessor is either the same state or
 * the previous frame's overall best.
 */
final class PathSmoother {
    private PathSmoother() {
    }

    static int[] decode(double[][] scores, double switchPenalty) {
        int frames = scores.length;
        if (frames == 0) {
            return new int[0];
        }
        int states = scores[0].length;
        double[] total = scores[0].clone();
        int[][] from = new int[frames][states];
        for (int t = 1; t < frames; t++) {
            int bestPrev = argmax(total);
            double switchScore = total[bestPrev] - switchPenalty;
            double[] next = new double[states];
            for (int s = 0; s < states; s++) {
                if (total[s] >= switchScore) {
                    next[s] = total[s] + scores[t][s];
                    from[t][s] = s;
                } else {
                    next[s] = switchScore + scores[t][s];
                    from[t][s] = bestPrev;
                }
            }
            total = next;
        }
        int[] path = new int[frames];
        path[frames - 1] = argmax(total);
        for (int t = frames - 1; t > 0; t--) {
            path[t - 1] = from[t][path[t]];
        }
        return path;
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }
}
