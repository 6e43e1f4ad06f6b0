package fermata.core.analysis.pitch;

/**
 * One voiced frame of a pitch contour.
 *
 * @param note nearest equal-tempered note, e.g. "A4"
 * @param cents deviation from that note, -50..50
 * @param probability YIN's periodicity, 1 minus the aperiodicity at the chosen lag
 */
public record PitchPoint(double timeSeconds, double hz, String note, double cents, double probability) {
}
