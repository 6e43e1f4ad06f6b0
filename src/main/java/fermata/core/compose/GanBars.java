package fermata.core.compose;

import fermata.core.model.Note;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training examples of the bar GAN: every whole bar of every piece, flattened [track][step][pitch]
 * (the generator's NCHW layout), with its condition: the bar before (silence before the first), the
 * piece's key one-hot, and the pitch classes of the bar's triad.
 */
final class GanBars {
    private static final int[] MAJOR_PROGRESSION = {0, 5, 7, 0, 9, 2, 7, 0};
    private static final boolean[] MAJOR_PROGRESSION_MINOR = {false, false, false, false, true, true, false, false};
    private static final int[] MINOR_PROGRESSION = {0, 5, 7, 0, 8, 5, 7, 0};
    private static final boolean[] MINOR_PROGRESSION_MINOR = {true, true, false, true, false, true, false, true};

    final float[][] bars;
    final float[][] conditions;

    private GanBars(float[][] bars, float[][] conditions) {
        this.bars = bars;
        this.conditions = conditions;
    }

    int size() {
        return bars.length;
    }

    /**
     * @param pieces rolls in any format with one track (split into {@code format.tracks()} voices) or
     *     already in {@code format}
     */
    static GanBars of(List<Piece> pieces, RollFormat format, GanArchitecture arch) {
        List<float[]> bars = new ArrayList<>();
        List<float[]> conditions = new ArrayList<>();
        for (Piece piece : pieces) {
            PianoRoll roll = toFormat(piece.roll(), format);
            float[] previous = new float[arch.barWidth(format)];
            for (int b = 0; (b + 1) * arch.stepsPerBar() <= roll.steps(); b++) {
                float[] bar = bar(roll, b * arch.stepsPerBar(), arch);
                bars.add(bar);
                conditions.add(condition(previous, piece.key(), chordOf(bar, format, arch), arch, format));
                previous = bar;
            }
        }
        return new GanBars(bars.toArray(new float[0][]), conditions.toArray(new float[0][]));
    }

    /** A roll in the GAN's format: a one-track roll is split into voices; pitches outside the range are left out. */
    static PianoRoll toFormat(PianoRoll roll, RollFormat format) {
        PianoRoll voices = roll.format().tracks() == 1 && format.tracks() > 1 ? Voices.split(roll, format.tracks()) : roll;
        if (voices.format().equals(format)) {
            return voices;
        }
        List<List<Note>> tracks = new ArrayList<>();
        for (int t = 0; t < Math.min(format.tracks(), voices.format().tracks()); t++) {
            tracks.add(voices.toNotes(t, 0, 80, 0));
        }
        long ticks = voices.steps() * voices.format().ticksPerStep();
        return PianoRoll.fromNotes(tracks, format, PianoRoll.stepsFor(ticks, format));
    }

    /** One bar of a roll from {@code firstStep}, flattened [track][step][pitch]; steps past the end are silent. */
    static float[] bar(PianoRoll roll, int firstStep, GanArchitecture arch) {
        RollFormat format = roll.format();
        float[] bar = new float[arch.barWidth(format)];
        for (int track = 0; track < format.tracks(); track++) {
            for (int s = 0; s < arch.stepsPerBar() && firstStep + s < roll.steps(); s++) {
                for (int p = 0; p < format.pitchCount(); p++) {
                    if (roll.isHeld(track, firstStep + s, format.lowPitch() + p)) {
                        bar[(track * arch.stepsPerBar() + s) * format.pitchCount() + p] = 1;
                    }
                }
            }
        }
        return bar;
    }

    /**
     * A bar from the generator's probabilities. Polyphonic tracks: a cell sounds when allowed and
     * its logit plus {@code bias} is positive. Monophonic tracks read each track and step as one
     * voice, as a softmax per voice would: the voice sounds with the probability mass of its allowed
     * pitches (logit shifted by {@code bias}, divided by {@code temperature}), and its pitch is drawn
     * in proportion to the pitches' probabilities sharpened by the temperature; temperature 0 takes
     * the most likely pitch when the mass is at least one half.
     */
    static float[] decode(float[] probabilities, boolean[] allowed, double bias, double temperature, Random random,
                          GanArchitecture arch, RollFormat format) {
        float[] bar = new float[probabilities.length];
        int pitches = format.pitchCount();
        for (int row = 0; row < format.tracks() * arch.stepsPerBar(); row++) {
            int first = row * pitches;
            if (!arch.monophonic()) {
                for (int i = first; i < first + pitches; i++) {
                    if (allowed[i] && logit(probabilities[i]) + bias > 0) {
                        bar[i] = 1;
                    }
                }
                continue;
            }
            double mass = 0;
            int best = -1;
            for (int i = first; i < first + pitches; i++) {
                if (allowed[i]) {
                    mass += probabilities[i];
                    if (best < 0 || probabilities[i] > probabilities[best]) {
                        best = i;
                    }
                }
            }
            if (best < 0 || mass <= 0) {
                continue;
            }
            double l = logit(Math.min(mass, 1)) + bias;
            if (temperature == 0) {
                if (l > 0) {
                    bar[best] = 1;
                }
                continue;
            }
            if (random.nextDouble() >= 1 / (1 + Math.exp(-l / temperature))) {
                continue;
            }
            double total = 0;
            double[] weights = new double[pitches];
            for (int p = 0; p < pitches; p++) {
                if (allowed[first + p]) {
                    weights[p] = Math.pow(probabilities[first + p], 1 / temperature);
                    total += weights[p];
                }
            }
            double pick = random.nextDouble() * total;
            int chosen = best - first;
            for (int p = 0; p < pitches; p++) {
                pick -= weights[p];
                if (weights[p] > 0 && pick <= 0) {
                    chosen = p;
                    break;
                }
            }
            bar[first + chosen] = 1;
        }
        return bar;
    }

    private static double logit(double probability) {
        double q = Math.min(1 - FrameNll.EPSILON, Math.max(FrameNll.EPSILON, probability));
        return Math.log(q / (1 - q));
    }

    static float[] condition(float[] previousBar, MusicalKey key, float[] chord, GanArchitecture arch, RollFormat format) {
        float[] c = new float[arch.conditionWidth(format)];
        System.arraycopy(previousBar, 0, c, 0, previousBar.length);
        c[previousBar.length + key.index()] = 1;
        System.arraycopy(chord, 0, c, previousBar.length + MusicalKey.COUNT, 12);
        return c;
    }

    /** The major or minor triad whose tones sound most in the bar, as twelve pitch-class flags; silence for an empty bar. */
    static float[] chordOf(float[] bar, RollFormat format, GanArchitecture arch) {
        double[] chroma = new double[12];
        int pitches = format.pitchCount();
        for (int i = 0; i < bar.length; i++) {
            if (bar[i] > 0.5f) {
                chroma[(format.lowPitch() + i % pitches) % 12]++;
            }
        }
        double best = 0;
        int bestRoot = -1;
        boolean bestMinor = false;
        for (int root = 0; root < 12; root++) {
            for (boolean minor : new boolean[] {false, true}) {
                double score = chroma[root] + chroma[(root + (minor ? 3 : 4)) % 12] + chroma[(root + 7) % 12];
                if (score > best) {
                    best = score;
                    bestRoot = root;
                    bestMinor = minor;
                }
            }
        }
        return bestRoot < 0 ? new float[12] : triad(bestRoot, bestMinor);
    }

    static float[] triad(int root, boolean minor) {
        float[] chord = new float[12];
        chord[root] = 1;
        chord[(root + (minor ? 3 : 4)) % 12] = 1;
        chord[(root + 7) % 12] = 1;
        return chord;
    }

    /** The chord of bar {@code index} of an eight-bar cadence pattern in a key: I IV V I vi ii V I, or its minor form. */
    static float[] progression(MusicalKey key, int index) {
        int i = Math.floorMod(index, 8);
        int[] roots = key.minor() ? MINOR_PROGRESSION : MAJOR_PROGRESSION;
        boolean[] minors = key.minor() ? MINOR_PROGRESSION_MINOR : MAJOR_PROGRESSION_MINOR;
        return triad((key.tonic() + roots[i]) % 12, minors[i]);
    }
}
