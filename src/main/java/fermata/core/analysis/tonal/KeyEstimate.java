package fermata.core.analysis.tonal;

/**
 * A key, e.g. tonic "A", mode minor, label "A minor".
 *
 * @param confidence 0..1: the Pearson correlation of the chroma with the key's profile, scaled
 *     down when the runner-up key (often the relative major or minor) is nearly as good
 */
public record KeyEstimate(String tonic, Mode mode, String label, double confidence) {
    public enum Mode {
        MAJOR, MINOR;

        public String label() {
            return this == MAJOR ? "major" : "minor";
        }
    }

    /** The tonic as a pitch class, 0 = C .. 11 = B. */
    public int tonicPitchClass() {
        return java.util.Arrays.asList(PitchClass.NAMES).indexOf(tonic);
    }

    public static KeyEstimate of(int tonic, Mode mode, double confidence) {
        String name = PitchClass.name(tonic);
        return new KeyEstimate(name, mode, name + " " + mode.label(), confidence);
    }
}
