package fermata.core.analysis.tonal;

import java.util.ArrayList;
import java.util.List;

/**
 * Chords by template matching: each frame's chroma is compared (cosine similarity) with binary
 * templates of eight chord qualities on twelve roots, plus a small bonus for the root in the bass,
 * which is what separates inversions of the same pitch set (Dsus4 and Gsus2 are both D G A). The
 * frame labels are then smoothed with a switch penalty so a chord must hold for a few hundred
 * milliseconds to appear.
 */
public final class ChordRecognizer {
    /** Quality suffixes and their intervals above the root. */
    static final String[] SUFFIXES = {"", "m", "7", "maj7", "m7", "dim", "sus2", "sus4"};
    static final int[][] INTERVALS = {{0, 4, 7}, {0, 3, 7}, {0, 4, 7, 10}, {0, 4, 7, 11}, {0, 3, 7, 10},
            {0, 3, 6}, {0, 2, 7}, {0, 5, 7}};
    public static final String NO_CHORD = "N";
    private static final double BASS_BONUS = 0.1;
    private static final double SWITCH_PENALTY = 0.5;
    /** Frames more than 40 dB below the loudest are silence: no chord. */
    private static final double SILENCE = 1e-4;

    private ChordRecognizer() {
    }

    public static String label(int root, int quality) {
        return PitchClass.name(root) + SUFFIXES[quality];
    }

    /**
     * The pitch classes of a chord label this class produces ("C#m7" gives C# E G# B) as a 12-bit
     * mask, bit 0 = C; 0 for "N" or a label it does not make.
     */
    public static int tones(String label) {
        for (int root = 11; root >= 0; root--) {
            String name = PitchClass.name(root);
            if (label.startsWith(name)) {
                String suffix = label.substring(name.length());
                for (int q = 0; q < SUFFIXES.length; q++) {
                    if (SUFFIXES[q].equals(suffix)) {
                        int mask = 0;
                        for (int interval : INTERVALS[q]) {
                            mask |= 1 << ((root + interval) % 12);
                        }
                        return mask;
                    }
                }
            }
        }
        return 0;
    }

    public static List<ChordSegment> recognize(Chromagram chromagram, double durationSeconds) {
        double[][] chroma = chromagram.chroma();
        int frames = chroma.length;
        int chords = 12 * SUFFIXES.length;
        double[][] templates = new double[chords][12];
        for (int q = 0; q < SUFFIXES.length; q++) {
            for (int root = 0; root < 12; root++) {
                for (int interval : INTERVALS[q]) {
                    templates[q * 12 + root][(root + interval) % 12] = 1 / Math.sqrt(INTERVALS[q].length);
                }
            }
        }
        double maxEnergy = 0;
        double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            for (double v : chroma[f]) {
                energy[f] += v * v;
            }
            maxEnergy = Math.max(maxEnergy, energy[f]);
        }
        double[][] scores = new double[frames][chords + 1];
        for (int f = 0; f < frames; f++) {
            if (energy[f] <= SILENCE * maxEnergy || maxEnergy == 0) {
                scores[f][chords] = 1;
                continue;
            }
            double[] x = smoothed(chroma, f);
            double norm = 0;
            for (double v : x) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            double[] bass = chromagram.bass()[f];
            double bassTotal = 0;
            for (double v : bass) {
                bassTotal += v;
            }
            for (int c = 0; c < chords; c++) {
                double dot = 0;
                for (int pc = 0; pc < 12; pc++) {
                    dot += x[pc] * templates[c][pc];
                }
                double bassShare = bassTotal > 0 ? bass[c % 12] / bassTotal : 0;
                scores[f][c] = dot / norm + BASS_BONUS * bassShare;
            }
        }
        int[] path = PathSmoother.decode(scores, SWITCH_PENALTY);
        List<ChordSegment> out = new ArrayList<>();
        int start = 0;
        for (int f = 1; f <= frames; f++) {
            if (f == frames || path[f] != path[start]) {
                int c = path[start];
                String label = c == chords ? NO_CHORD : label(c % 12, c / 12);
                double to = f == frames ? durationSeconds : chromagram.boundary(f);
                out.add(new ChordSegment(chromagram.boundary(start), Math.min(to, durationSeconds), label));
                start = f;
            }
        }
        return out;
    }

    /** A frame's chroma averaged with its neighbours, which evens out note onsets and vibrato. */
    private static double[] smoothed(double[][] chroma, int f) {
        double[] x = new double[12];
        for (int g = Math.max(0, f - 1); g <= Math.min(chroma.length - 1, f + 1); g++) {
            for (int pc = 0; pc < 12; pc++) {
                x[pc] += chroma[g][pc];
            }
        }
        return x;
    }
}
