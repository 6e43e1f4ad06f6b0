package fermata.core.analysis.rhythm;

import java.util.ArrayList;
import java.util.List;

/**
 * Beat tracking by dynamic programming (Ellis, "Beat Tracking by Dynamic Programming", 2007): the
 * beat sequence maximises the onset strength at the beats minus a penalty, tightness times the
 * squared log ratio of each inter-beat interval to the expected period. The period may change
 * along the piece: it is read from the tempo curve at each frame, so the tracker follows a
 * tempo change instead of fighting it.
 */
public final class BeatTracker {
    /** Ellis's and librosa's default weight of tempo consistency against onset strength. */
    public static final double TIGHTNESS = 100;
    public static final int BEATS_PER_BAR = 4;

    private BeatTracker() {
    }

    /**
     * @param periodFrames expected beat period at each frame of the envelope, in frames
     * @return beat positions as fractional frames, in order
     */
    public static double[] track(OnsetEnvelope envelope, double[] periodFrames) {
        double[] onset = envelope.strength();
        int n = onset.length;
        double[] score = new double[n];
        int[] backlink = new int[n];
        for (int t = 0; t < n; t++) {
            double period = periodFrames[t];
            int lo = Math.max(0, t - (int) Math.round(2 * period));
            int hi = t - (int) Math.round(period / 2);
            double best = 0;
            int arg = -1;
            for (int p = lo; p <= hi; p++) {
                double r = Math.log((t - p) / period);
                double s = score[p] - TIGHTNESS * r * r;
                if (s > best) {
                    best = s;
                    arg = p;
                }
            }
            score[t] = onset[t] + best;
            backlink[t] = arg;
        }
        int lastWindowStart = Math.max(0, n - (int) Math.round(periodFrames[n - 1]));
        int end = lastWindowStart;
        for (int t = lastWindowStart; t < n; t++) {
            if (score[t] > score[end]) {
                end = t;
            }
        }
        List<Integer> reversed = new ArrayList<>();
        for (int t = end; t >= 0; t = backlink[t]) {
            reversed.add(t);
        }
        int[] frames = new int[reversed.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = reversed.get(frames.length - 1 - i);
        }
        frames = trimWeakEnds(frames, onset);
        double[] out = new double[frames.length];
        for (int i = 0; i < frames.length; i++) {
            out[i] = envelope.refinePeak(frames[i]);
        }
        return out;
    }

    /** Drops leading and trailing beats in silence, which the DP places to keep the pulse going. */
    private static int[] trimWeakEnds(int[] frames, double[] onset) {
        if (frames.length == 0) {
            return frames;
        }
        double sumSq = 0;
        for (int f : frames) {
            sumSq += onset[f] * onset[f];
        }
        double threshold = 0.5 * Math.sqrt(sumSq / frames.length);
        int first = 0;
        while (first < frames.length && onset[frames[first]] < threshold) {
            first++;
        }
        int last = frames.length - 1;
        while (last >= first && onset[frames[last]] < threshold) {
            last--;
        }
        int[] out = new int[Math.max(0, last - first + 1)];
        System.arraycopy(frames, first, out, 0, out.length);
        return out;
    }

    /**
     * The beats that start a bar: of the {@value #BEATS_PER_BAR} possible bar phases, the one whose
     * beats carry the strongest onsets on average (drummers and bass players accent the one).
     */
    public static double[] downbeats(OnsetEnvelope envelope, double[] beats) {
        if (beats.length < 2 * BEATS_PER_BAR) {
            return new double[0];
        }
        double[] onset = envelope.strength();
        double[] accent = new double[BEATS_PER_BAR];
        int[] count = new int[BEATS_PER_BAR];
        for (int i = 0; i < beats.length; i++) {
            int f = (int) Math.round(beats[i]);
            double peak = 0;
            for (int j = Math.max(0, f - 2); j <= Math.min(onset.length - 1, f + 2); j++) {
                peak = Math.max(peak, onset[j]);
            }
            accent[i % BEATS_PER_BAR] += peak;
            count[i % BEATS_PER_BAR]++;
        }
        int phase = 0;
        for (int p = 1; p < BEATS_PER_BAR; p++) {
            if (accent[p] / count[p] > accent[phase] / count[phase]) {
                phase = p;
            }
        }
        double[] out = new double[(beats.length - phase + BEATS_PER_BAR - 1) / BEATS_PER_BAR];
        for (int i = 0; i < out.length; i++) {
            out[i] = beats[phase + i * BEATS_PER_BAR];
        }
        return out;
    }
}
