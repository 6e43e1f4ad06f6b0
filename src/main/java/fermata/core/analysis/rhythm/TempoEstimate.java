package fermata.core.analysis.rhythm;

/**
 * A tempo and how sure we are of it.
 *
 * @param bpm beats per minute
 * @param confidence 0..1: how far the chosen periodicity stands above the typical one (1 for a
 *     metronome, near 0 for noise); 1 when the tempo is read from a MIDI tempo map
 */
public record TempoEstimate(double bpm, double confidence) {
}
