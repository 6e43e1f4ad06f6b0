package fermata.core.analysis.rhythm;

/** The local tempo around a time, one point of a tempo curve. */
public record TempoPoint(double timeSeconds, double bpm, double confidence) {
}
