package fermata.core.compose;

import fermata.core.model.Ppq;

/**
 * The shape of a piano roll: time resolution, pitch range, number of tracks, and whether onsets
 * are kept apart from holds. A model is trained on one format and can only read and write that one.
 *
 * @param stepsPerBeat steps per quarter note; must divide {@link Ppq#TICKS_PER_QUARTER}
 * @param lowPitch lowest MIDI pitch represented
 * @param pitchCount number of consecutive pitches from {@code lowPitch}
 * @param tracks number of parallel tracks (voices or instruments)
 * @param onsets true to keep a second channel per pitch that marks where a note starts, so a
 *     repeated note and a held note differ; false for data that only lists sounding pitches
 */
public record RollFormat(int stepsPerBeat, int lowPitch, int pitchCount, int tracks, boolean onsets) {
    /** Piano range 21..108 (A0..C8), the range of the Boulanger-Lewandowski data sets. */
    public static final int PIANO_LOW = 21;
    public static final int PIANO_KEYS = 88;

    /** Sixteenth notes, piano range, one track, onsets kept. */
    public static final RollFormat DEFAULT = new RollFormat(4, PIANO_LOW, PIANO_KEYS, 1, true);

    public RollFormat {
        if (stepsPerBeat < 1 || Ppq.TICKS_PER_QUARTER % stepsPerBeat != 0) {
            throw new IllegalArgumentException("steps per beat must divide " + Ppq.TICKS_PER_QUARTER + ", was " + stepsPerBeat);
        }
        if (pitchCount < 1 || lowPitch < 0 || lowPitch + pitchCount > 128) {
            throw new IllegalArgumentException("pitch range " + lowPitch + " + " + pitchCount + " leaves MIDI 0..127");
        }
        if (tracks < 1 || tracks > 16) {
            throw new IllegalArgumentException("tracks must be in 1..16, was " + tracks);
        }
    }

    /** The format of the shared JSON sets: sounding pitches only, one track, 21..108. */
    public static RollFormat soundingPitches(int stepsPerBeat) {
        return new RollFormat(stepsPerBeat, PIANO_LOW, PIANO_KEYS, 1, false);
    }

    public int highPitch() {
        return lowPitch + pitchCount - 1;
    }

    public boolean contains(int pitch) {
        return pitch >= lowPitch && pitch <= highPitch();
    }

    /** 1 (hold) or 2 (hold and onset). */
    public int channels() {
        return onsets ? 2 : 1;
    }

    /** Width of one step's vector: tracks x channels x pitches. */
    public int featuresPerStep() {
        return tracks * channels() * pitchCount;
    }

    public long ticksPerStep() {
        return Ppq.TICKS_PER_QUARTER / stepsPerBeat;
    }

    /** Index of a cell in a step vector; channel 0 is hold, 1 is onset. */
    public int featureIndex(int track, int channel, int pitch) {
        return (track * channels() + channel) * pitchCount + (pitch - lowPitch);
    }
}
