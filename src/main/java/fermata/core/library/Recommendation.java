package fermata.core.library;

/** A recommended track, its score within the list (higher first) and why, in words a listener understands. */
public record Recommendation(Track track, double score, String explanation) {
}
