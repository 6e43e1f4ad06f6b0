package fermata.core.analysis.tonal;

/** A stretch of a piece in one key. */
public record KeySegment(double startSeconds, double endSeconds, KeyEstimate key) {
}
