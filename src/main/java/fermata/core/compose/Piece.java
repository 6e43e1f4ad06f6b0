package fermata.core.compose;

/** One training or test piece: its roll and its key (given by the source or estimated). */
public record Piece(String name, PianoRoll roll, MusicalKey key) {
    /** The piece with the key estimated from its own pitch-class histogram. */
    public static Piece withEstimatedKey(String name, PianoRoll roll) {
        return new Piece(name, roll, KeyEstimator.estimate(roll.pitchClassHistogram()));
    }
}
