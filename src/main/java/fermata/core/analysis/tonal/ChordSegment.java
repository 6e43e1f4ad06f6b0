package fermata.core.analysis.tonal;

/** A chord from start to end, labelled like "C", "Am", "G7", "Bdim", "Dsus4"; "N" is no chord. */
public record ChordSegment(double startSeconds, double endSeconds, String label) {
}
