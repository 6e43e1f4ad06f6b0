package fermata.core.model;

/**
 * A key that holds from {@code tick} on, as a MIDI key-signature meta event states it.
 *
 * @param sharps -7 (seven flats) .. 7 (seven sharps)
 * @param minor true for a minor key
 */
public record KeySignature(long tick, int sharps, boolean minor) {
    private static final String[] MAJOR = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"};
    private static final String[] MINOR = {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"};

    public KeySignature {
        Check.range("key signature tick", tick, 0, Ppq.MAX_TICK);
        Check.range("key signature sharps", sharps, -7, 7);
    }

    /** The tonic as a pitch class, 0 = C .. 11 = B. */
    public int tonicPitchClass() {
        int majorTonic = Math.floorMod(sharps * 7, 12);
        return minor ? Math.floorMod(majorTonic + 9, 12) : majorTonic;
    }

    /** "D minor", "F# major". */
    public String label() {
        return (minor ? MINOR : MAJOR)[sharps + 7] + (minor ? " minor" : " major");
    }
}
