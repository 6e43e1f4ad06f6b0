package fermata.core.compose;

import fermata.core.model.Note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which pitches sound and which start at each step, per track. Immutable. A cell's onset implies
 * its hold; a hold without an onset continues the note of the step before.
 */
public final class PianoRoll {
    private final RollFormat format;
    private final int steps;
    private final boolean[] hold;
    private final boolean[] onset;

    private PianoRoll(RollFormat format, int steps, boolean[] hold, boolean[] onset) {
        this.format = format;
        this.steps = steps;
        this.hold = hold;
        this.onset = onset;
    }

    /** An empty roll of a given length. */
    public static PianoRoll silent(RollFormat format, int steps) {
        int cells = format.tracks() * steps * format.pitchCount();
        return new PianoRoll(format, steps, new boolean[cells], new boolean[cells]);
    }

    /**
     * A one-track roll from the sounding pitches of each step (the layout of the shared JSON sets).
     * A pitch sounding in two consecutive steps is one held note.
     *
     * @throws IllegalArgumentException when a pitch is outside the format's range
     */
    public static PianoRoll fromSoundingSteps(List<? extends List<Integer>> stepPitches, RollFormat format) {
        if (format.tracks() != 1) {
            throw new IllegalArgumentException("sounding-pitch steps make one track, the format has " + format.tracks());
        }
        PianoRoll roll = silent(format, stepPitches.size());
        for (int t = 0; t < stepPitches.size(); t++) {
            for (int pitch : stepPitches.get(t)) {
                if (!format.contains(pitch)) {
                    throw new IllegalArgumentException("pitch " + pitch + " at step " + t + " is outside "
                            + format.lowPitch() + ".." + format.highPitch());
                }
                int i = roll.cell(0, t, pitch);
                roll.hold[i] = true;
                roll.onset[i] = t == 0 || !roll.hold[roll.cell(0, t - 1, pitch)];
            }
        }
        return roll;
    }

    /**
     * A roll from notes on absolute ticks, one list per track. Starts and ends are rounded to the
     * nearest step (a note keeps at least one step); pitches outside the range are left out, since
     * a model has no output for them.
     *
     * @param steps length of the roll; notes beyond it are cut
     */
    public static PianoRoll fromNotes(List<? extends List<Note>> tracks, RollFormat format, int steps) {
        if (tracks.size() > format.tracks()) {
            throw new IllegalArgumentException(tracks.size() + " tracks do not fit a format of " + format.tracks());
        }
        PianoRoll roll = silent(format, steps);
        double tps = format.ticksPerStep();
        for (int track = 0; track < tracks.size(); track++) {
            for (Note n : tracks.get(track)) {
                if (!format.contains(n.pitch())) {
                    continue;
                }
                int start = (int) Math.round(n.startTick() / tps);
                int end = Math.max(start + 1, (int) Math.round(n.endTick() / tps));
                if (start >= steps) {
                    continue;
                }
                for (int t = start; t < Math.min(end, steps); t++) {
                    roll.hold[roll.cell(track, t, n.pitch())] = true;
                }
                roll.onset[roll.cell(track, start, n.pitch())] = true;
            }
        }
        return roll;
    }

    /** Steps needed to hold notes that end at {@code endTick}. */
    public static int stepsFor(long endTick, RollFormat format) {
        return (int) Math.max(1, Math.round((double) endTick / format.ticksPerStep()));
    }

    /**
     * A roll from model step vectors (see {@link RollFormat#featureIndex}); a value above 0.5 is on.
     * Without onset channels, every hold that does not continue the step before starts a note.
     */
    public static PianoRoll fromStepVectors(float[][] vectors, RollFormat format) {
        PianoRoll roll = silent(format, vectors.length);
        for (int t = 0; t < vectors.length; t++) {
            for (int track = 0; track < format.tracks(); track++) {
                for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
                    boolean held = vectors[t][format.featureIndex(track, 0, pitch)] > 0.5f;
                    if (!held) {
                        continue;
                    }
                    int i = roll.cell(track, t, pitch);
                    roll.hold[i] = true;
                    boolean continues = t > 0 && roll.hold[roll.cell(track, t - 1, pitch)];
                    roll.onset[i] = format.onsets() ? vectors[t][format.featureIndex(track, 1, pitch)] > 0.5f || !continues
                            : !continues;
                }
            }
        }
        return roll;
    }

    public RollFormat format() {
        return format;
    }

    public int steps() {
        return steps;
    }

    public boolean isHeld(int track, int step, int pitch) {
        return format.contains(pitch) && hold[cell(track, step, pitch)];
    }

    public boolean isOnset(int track, int step, int pitch) {
        return format.contains(pitch) && onset[cell(track, step, pitch)];
    }

    /** The model's view of one step: holds, then onsets when the format keeps them, per track. */
    public float[] stepVector(int step) {
        float[] v = new float[format.featuresPerStep()];
        writeStepVector(step, v, 0);
        return v;
    }

    /** Writes {@link #stepVector} into {@code target} from {@code offset} without allocating. */
    public void writeStepVector(int step, float[] target, int offset) {
        int pitches = format.pitchCount();
        for (int track = 0; track < format.tracks(); track++) {
            int base = cell(track, step, format.lowPitch());
            for (int p = 0; p < pitches; p++) {
                target[offset + format.featureIndex(track, 0, format.lowPitch() + p)] = hold[base + p] ? 1f : 0f;
                if (format.onsets()) {
                    target[offset + format.featureIndex(track, 1, format.lowPitch() + p)] = onset[base + p] ? 1f : 0f;
                }
            }
        }
    }

    /** Sounding pitches of one track at one step, low to high. */
    public List<Integer> soundingPitches(int track, int step) {
        List<Integer> result = new ArrayList<>();
        for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
            if (hold[cell(track, step, pitch)]) {
                result.add(pitch);
            }
        }
        return result;
    }

    /**
     * The notes of one track, ticks counted from {@code originTick} at step 0.
     *
     * @param channel MIDI channel of the notes, 0..15
     */
    public List<Note> toNotes(int track, long originTick, int velocity, int channel) {
        List<Note> notes = new ArrayList<>();
        long tps = format.ticksPerStep();
        for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
            int t = 0;
            while (t < steps) {
                if (!hold[cell(track, t, pitch)]) {
                    t++;
                    continue;
                }
                int start = t++;
                while (t < steps && hold[cell(track, t, pitch)] && !onset[cell(track, t, pitch)]) {
                    t++;
                }
                notes.add(new Note(pitch, originTick + start * tps, (t - start) * tps, velocity, channel));
            }
        }
        notes.sort(Note.ORDER);
        return notes;
    }

    /** The roll moved by some semitones, or empty when a sounding pitch would leave the range. */
    public Optional<PianoRoll> transposed(int semitones) {
        if (semitones == 0) {
            return Optional.of(this);
        }
        boolean[] h = new boolean[hold.length];
        boolean[] o = new boolean[onset.length];
        int pitches = format.pitchCount();
        for (int row = 0; row < format.tracks() * steps; row++) {
            for (int p = 0; p < pitches; p++) {
                int from = row * pitches + p;
                if (!hold[from]) {
                    continue;
                }
                int q = p + semitones;
                if (q < 0 || q >= pitches) {
                    return Optional.empty();
                }
                h[row * pitches + q] = true;
                o[row * pitches + q] = onset[from];
            }
        }
        return Optional.of(new PianoRoll(format, steps, h, o));
    }

    /** The first {@code count} steps. */
    public PianoRoll head(int count) {
        int n = Math.min(count, steps);
        PianoRoll roll = silent(format, n);
        int pitches = format.pitchCount();
        for (int track = 0; track < format.tracks(); track++) {
            System.arraycopy(hold, cell(track, 0, format.lowPitch()), roll.hold, roll.cell(track, 0, format.lowPitch()), n * pitches);
            System.arraycopy(onset, cell(track, 0, format.lowPitch()), roll.onset, roll.cell(track, 0, format.lowPitch()), n * pitches);
        }
        return roll;
    }

    /** Sounding steps per pitch class, over all tracks: the input of {@link KeyEstimator}. */
    public double[] pitchClassHistogram() {
        double[] histogram = new double[12];
        int pitches = format.pitchCount();
        for (int i = 0; i < hold.length; i++) {
            if (hold[i]) {
                histogram[(format.lowPitch() + i % pitches) % 12]++;
            }
        }
        return histogram;
    }

    private int cell(int track, int step, int pitch) {
        return (track * steps + step) * format.pitchCount() + (pitch - format.lowPitch());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PianoRoll other && format.equals(other.format) && steps == other.steps
                && Arrays.equals(hold, other.hold) && Arrays.equals(onset, other.onset);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * format.hashCode() + steps) + Arrays.hashCode(hold);
    }

    @Override
    public String toString() {
        return "PianoRoll[" + format + ", " + steps + " steps]";
    }
}
