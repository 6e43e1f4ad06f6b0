package fermata.core.compose;

/**
 * The shape of the bar GAN (a MidiNet-style DCGAN, ADR 0082): a generator that turns noise and a
 * condition (the previous bar, the key, the bar's chord) into one multi-track bar through two
 * transposed convolutions over time and pitch, and a discriminator that mirrors it.
 *
 * @param noise length of the noise vector
 * @param filters channels of the narrower convolution (the wider one has twice as many)
 * @param hidden width of the fully connected layers
 * @param stepsPerBar steps in one bar; a multiple of 4
 * @param monophonic each track is one voice (chorales split into SATB): a track sounds at most its
 *     most likely pitch per step, as a voice model with a softmax per voice would
 */
public record GanArchitecture(int noise, int filters, int hidden, int stepsPerBar, boolean monophonic) {
    /** Small enough to train in minutes on one core; one voice per track. */
    public static final GanArchitecture DEFAULT = new GanArchitecture(32, 32, 256, 4, true);

    public GanArchitecture {
        if (noise < 1 || filters < 1 || hidden < 1) {
            throw new IllegalArgumentException("noise, filters and hidden must be positive");
        }
        if (stepsPerBar < 4 || stepsPerBar % 4 != 0) {
            throw new IllegalArgumentException("steps per bar must be a positive multiple of 4, was " + stepsPerBar);
        }
    }

    /** Width of the condition vector: the previous bar, the key one-hot and the chord's pitch classes. */
    int conditionWidth(RollFormat format) {
        return barWidth(format) + MusicalKey.COUNT + 12;
    }

    /** Cells in one bar: tracks x steps x pitches. */
    int barWidth(RollFormat format) {
        return format.tracks() * stepsPerBar * format.pitchCount();
    }
}
