package fermata.core.compose;

import fermata.core.model.Note;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training examples of the bar GAN: every whole bar of every piece, flattened [track][step][column]
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

    /**
     * One bar of a roll from {@code firstStep}, flattened [track][step][column]; steps past the end are
     * silent. With a rest column, a track's rest cell is set at every step where it sounds nothing.
     */
    static float[] bar(PianoRoll roll, int firstStep, GanArchitecture arch) {
        RollFormat format = roll.format();
        int columns = arch.columns(format);
        float[] bar = new float[arch.barWidth(format)];
        for (int track = 0; track < format.tracks(); track++) {
            for (int s = 0; s < arch.stepsPerBar(); s++) {
                int first = (track * arch.stepsPerBar() + s) * columns;
                boolean sounds = false;
                for (int p = 0; p < format.pitchCount() && firstStep + s < roll.steps(); p++) {
                    if (roll.isHeld(track, firstStep + s, format.lowPitch() + p)) {
                        bar[first + p] = 1;
                        sounds = true;
                    }
                }
                if (arch.rests() && !sounds) {
                    bar[first + format.pitchCount()] = 1;
                }
            }
        }
        return bar;
    }

    /** Writes the sounding pitch cells of a bar into step vectors from {@code firstStep}; rest cells are not notes. */
    static void addToSteps(float[] bar, float[][] stepVectors, int firstStep, GanArchitecture arch, RollFormat format) {
        int columns = arch.columns(format);
        for (int i = 0; i < bar.length; i++) {
            int column = i % columns;
            if (bar[i] > 0.5f && column < format.pitchCount()) {
                int track = i / (arch.stepsPerBar() * columns);
                int step = i / columns % arch.stepsPerBar();
                stepVectors[firstStep + step][format.featureIndex(track, 0, format.lowPitch() + column)] = 1;
            }
        }
    }

    /**
     * A bar from the generator's probabilities, in the layout of {@link #bar}. Polyphonic tracks: a
     * cell sounds when allowed and its logit plus {@code bias} is positive. Monophonic tracks read each
     * track and step as one voice choosing among its allowed pitches and silence, as a softmax per
     * voice would: the voice sounds with probability m / (m + r), m the probability mass of its allowed
     * pitches and r the rest column's probability (without a rest column, with probability m, at most 1).
     * That probability's logit is shifted by {@code bias} and divided by
     * {@code temperature} before sampling, and the pitch is drawn in proportion to the pitches'
     * probabilities sharpened by the temperature. Temperature 0 takes the likelier of sounding and
     * resting, and the most likely pitch. A resting voice gets its rest cell.
     */
    static float[] decode(float[] probabilities, boolean[] allowed, double bias, double temperature, Random random,
                          GanArchitecture arch, RollFormat format) {
        float[] bar = new float[probabilities.length];
        int pitches = format.pitchCount();
        int columns = arch.columns(format);
        for (int row = 0; row < format.tracks() * arch.stepsPerBar(); row++) {
            int first = row * columns;
            if (!arch.monophonic()) {
                for (int i = first; i < first + pitches; i++) {
                    if (allowed[i] && logit(probabilities[i]) + bias > 0) {
                        bar[i] = 1;
                    }
                }
                continue;
            }
            int chosen = voice(probabilities, allowed, first, bias, temperature, random, arch, format);
            if (chosen >= 0) {
                bar[first + chosen] = 1;
            } else if (arch.rests()) {
                bar[first + pitches] = 1;
            }
        }
        return bar;
    }

    /** The pitch offset one voice sounds at one step, or -1 when it rests (see {@link #decode}). */
    private static int voice(float[] probabilities, boolean[] allowed, int first, double bias, double temperature, Random random,
                             GanArchitecture arch, RollFormat format) {
        int pitches = format.pitchCount();
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
            return -1;
        }
        double sounds = arch.rests() ? mass / (mass + probabilities[first + pitches]) : Math.min(mass, 1);
        double l = logit(sounds) + bias;
        if (temperature == 0) {
            return l > 0 ? best - first : -1;
        }
        if (random.nextDouble() >= 1 / (1 + Math.exp(-l / temperature))) {
            return -1;
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
        for (int p = 0; p < pitches; p++) {
            pick -= weights[p];
            if (weights[p] > 0 && pick <= 0) {
                return p;
            }
        }
        return best - first;
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
        int columns = arch.columns(format);
        for (int i = 0; i < bar.length; i++) {
            if (bar[i] > 0.5f && i % columns < format.pitchCount()) {
                chroma[(format.lowPitch() + i % columns) % 12]++;
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
