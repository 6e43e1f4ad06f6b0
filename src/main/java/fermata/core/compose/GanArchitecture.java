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
 * @param rests each voice has a rest column beside its pitches, set where the voice is silent, so the
 *     generator states silence instead of leaving it to low pitch probabilities (ADR 0084); monophonic
 *     only. Model cards of format 1 lack it and read as false.
 */
public record GanArchitecture(int noise, int filters, int hidden, int stepsPerBar, boolean monophonic, boolean rests) {
    /** Small enough to train in minutes on one core; one voice per track with a rest column. */
    public static final GanArchitecture DEFAULT = new GanArchitecture(32, 32, 256, 4, true, true);
    /**
     * Lowest pitch of the default bars. With {@link #CHORALE_PITCHES} it spans 36..98, which holds
     * every note of the JSB Chorales set (43..96); the first range, 36..83, dropped the high soprano
     * notes and made the data's empty bars (ADR 0084).
     */
    public static final int CHORALE_LOW = 36;
    /** Pitches of the default bars: 63, so that with the rest column a bar is 64 columns wide, a multiple of 4. */
    public static final int CHORALE_PITCHES = 63;

    public GanArchitecture {
        if (noise < 1 || filters < 1 || hidden < 1) {
            throw new IllegalArgumentException("noise, filters and hidden must be positive");
        }
        if (stepsPerBar < 4 || stepsPerBar % 4 != 0) {
            throw new IllegalArgumentException("steps per bar must be a positive multiple of 4, was " + stepsPerBar);
        }
        if (rests && !monophonic) {
            throw new IllegalArgumentException("a rest column needs one voice per track; polyphonic tracks rest where no cell sounds");
        }
    }

    /** The default bars' roll format for a resolution: four voices, 36..98. */
    public static RollFormat choraleFormat(int stepsPerBeat) {
        return new RollFormat(stepsPerBeat, CHORALE_LOW, CHORALE_PITCHES, 4, false);
    }

    /** Width of the condition vector: the previous bar, the key one-hot and the chord's pitch classes. */
    int conditionWidth(RollFormat format) {
        return barWidth(format) + MusicalKey.COUNT + 12;
    }

    /** Columns of one track and step: the pitches, then the rest column when there is one. */
    int columns(RollFormat format) {
        return format.pitchCount() + (rests ? 1 : 0);
    }

    /** Cells in one bar: tracks x steps x columns. */
    int barWidth(RollFormat format) {
        return format.tracks() * stepsPerBar * columns(format);
    }
}
