package fermata.core.analysis.tonal;

/** Names of the twelve pitch classes, sharps only, as key and chord labels use them. */
public final class PitchClass {
    public static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private PitchClass() {
    }

    public static String name(int pitchClass) {
        return NAMES[Math.floorMod(pitchClass, 12)];
    }

    /** Scientific pitch name of a MIDI key: 60 is "C4", 69 is "A4". */
    public static String noteName(int midiKey) {
        return name(midiKey) + (Math.floorDiv(midiKey, 12) - 1);
    }
}
